package ru.storelink.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import ru.storelink.accounts.control.SignedInAccount;

/**
 * The navbar's badge on «Подключения»: how many of the owner's connections need the owner (reconnecting),
 * on every signed-in page, and the page title's «(1)». The dashboard counts its own cards; other pages ask.
 */
@Named
@RequestScoped
public class Attention {

    @Inject
    SignedInAccount account;

    @Inject
    Cards cards;

    @Inject
    HttpServletRequest request;

    private Integer count;

    /** The dashboard has the cards already. */
    void counted(List<ConnectionCard> shown) {
        count = count(shown);
    }

    static int count(List<ConnectionCard> cards) {
        return (int) cards.stream().filter(ConnectionCard::isReconnectNeeded).count();
    }

    public int getCount() {
        if (count == null) {
            count = request.getRemoteUser() == null ? 0 : count(cards.of(account.id()));
        }
        return count;
    }

    /** «(1) » before the page's title while something needs the owner. */
    public String getTitlePrefix() {
        return getCount() == 0 ? "" : "(" + getCount() + ") ";
    }
}

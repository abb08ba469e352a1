package ru.storelink.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import ru.storelink.accounts.control.SignedInAccount;

/**
 * The navbar's badge on «Подключения»: how many of the owner's connections need the owner (reconnecting),
 * on every signed-in page, and the page title's «(1)». The cards are read once per request, the dashboard's included.
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

    private List<ConnectionCard> shown;

    /** The owner's cards, read once per request: the dashboard draws the same ones. */
    List<ConnectionCard> cards() {
        if (shown == null) {
            shown = cards.of(account.id());
        }
        return shown;
    }

    static int count(List<ConnectionCard> cards) {
        return (int) cards.stream().filter(ConnectionCard::isReconnectNeeded).count();
    }

    /** After «Проверить сейчас» the cards have changed. */
    void forget() {
        shown = null;
    }

    public int getCount() {
        return request.getRemoteUser() == null ? 0 : count(cards());
    }

    /** «(1) » before the page's title while something needs the owner. */
    public String getTitlePrefix() {
        return getCount() == 0 ? "" : "(" + getCount() + ") ";
    }
}

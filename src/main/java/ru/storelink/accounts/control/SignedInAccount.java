package ru.storelink.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.Principal;
import ru.storelink.accounts.entity.Account;

/**
 * The account of the signed-in owner. Its id is looked up once per session and then kept: pages that show
 * one owner's data query only that data, never the account again.
 *
 * <p>Kept as a plain session attribute, with the e-mail it belongs to, rather than in a {@code @SessionScoped}
 * bean: Payara reads the whole session back from its data grid on every request, and Weld's wrapper of such a
 * bean (about 1.3 KB) was a quarter of an owner's session for one number.
 */
@RequestScoped
public class SignedInAccount {

    static final String ATTRIBUTE = "ru.storelink.accounts.account";

    /** Plain values only: the session is replicated to the other instances. */
    record Remembered(String email, long id) implements Serializable {
    }

    @Inject
    SecurityContext securityContext;

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    /** @throws IllegalStateException when nobody is signed in (pages and endpoints require login) */
    public long id() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            throw new IllegalStateException("No signed-in account");
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Remembered kept && kept.email().equals(caller.getName())) {
            return kept.id();
        }
        long id = accounts.findByEmail(caller.getName())
                .map(Account::getId)
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
        if (session != null) {
            session.setAttribute(ATTRIBUTE, new Remembered(caller.getName(), id));
        }
        return id;
    }
}

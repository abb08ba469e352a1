package ru.storelink.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import ru.storelink.accounts.entity.Account;

/**
 * The account of the signed-in owner. Its id is looked up once per session and then kept (in
 * {@link SessionAccount}): pages that show one owner's data query only that data, never the account again.
 */
@RequestScoped
public class SignedInAccount {

    @Inject
    SecurityContext securityContext;

    @Inject
    Accounts accounts;

    @Inject
    SessionAccount session;

    /** @throws IllegalStateException when nobody is signed in (pages and endpoints require login) */
    public long id() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            throw new IllegalStateException("No signed-in account");
        }
        return session.idOf(caller.getName(), () -> accounts.findByEmail(caller.getName())
                .map(Account::getId)
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists")));
    }
}

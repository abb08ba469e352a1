package ru.storelink.accounts.control;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.security.Principal;
import ru.storelink.accounts.entity.Account;

/**
 * The account of the signed-in owner, looked up once per session and then kept: pages that show one
 * owner's data query only that data, never the account again.
 */
@SessionScoped
public class SignedInAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext securityContext;

    @Inject
    Accounts accounts;

    private Long id;
    private String email;

    /** @throws IllegalStateException when nobody is signed in (pages and endpoints require login) */
    public synchronized long id() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            throw new IllegalStateException("No signed-in account");
        }
        if (id == null || !caller.getName().equals(email)) {
            Account account = accounts.findByEmail(caller.getName())
                    .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
            id = account.getId();
            email = account.getEmail();
        }
        return id;
    }
}

package ru.storelink.accounts.control;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.function.LongSupplier;

/**
 * The signed-in account's id, remembered for the session. Plain values only: sessions are replicated to the
 * other instances, so nothing here may hold a container object.
 */
@SessionScoped
public class SessionAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private String email;

    synchronized long idOf(String callerEmail, LongSupplier lookup) {
        if (id == null || !callerEmail.equals(email)) {
            id = lookup.getAsLong();
            email = callerEmail;
        }
        return id;
    }
}

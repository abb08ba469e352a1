package ru.storelink.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Decides, before a login or registration form is even read, whether it would be refused anyway: every
 * hashing turn and waiting place is taken, or the client (or everyone) is over the failed-login limit. Such
 * a post is then answered without the Faces lifecycle, which is what a flood of them would otherwise make
 * the server spend its cores on.
 */
@ApplicationScoped
public class LoginGate {

    private static final Logger LOG = Logger.getLogger(LoginGate.class.getName());
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    @Inject
    PasswordHashing hashing;

    @Inject
    LoginThrottle throttle;

    /** Whether a post from {@code clientAddress} is refused now (logged, at most one line per minute and reason). */
    public boolean refusesNow(String clientAddress) {
        if (!hashing.hasRoom()) {
            REFUSALS.refused("password hashing busy", ThrottleKeys.client(clientAddress));
            return true;
        }
        return throttle.limits(clientAddress);
    }
}

package ru.storelink.accounts.boundary;

import jakarta.servlet.http.HttpSession;
import ru.storelink.accounts.control.SessionLifetime;

/**
 * The two times a signed-in session carries for {@link SessionLimits}: when the owner signed in and when
 * they last did something themselves. Plain {@code Long} attributes, set anew on every change, so that the
 * replicated session (web.xml: distributable) carries them to every instance.
 */
final class SignedInSession {

    static final String SIGNED_IN_AT = "ru.storelink.accounts.signedInAt";
    static final String LAST_ACTIVITY_AT = "ru.storelink.accounts.lastActivityAt";

    private SignedInSession() {
    }

    /** At sign-in: both times start now; the container forgets an untouched session after the idle time. */
    static void start(HttpSession session, SessionLifetime lifetime, long now) {
        session.setAttribute(SIGNED_IN_AT, now);
        session.setAttribute(LAST_ACTIVITY_AT, now);
        session.setMaxInactiveInterval((int) Math.max(1, (lifetime.idle().toMillis() + 999) / 1000));
    }

    /** A request of the owner's own. */
    static void touch(HttpSession session, long now) {
        try {
            session.setAttribute(LAST_ACTIVITY_AT, now);
        } catch (IllegalStateException invalidated) {
            // Signed out during this request: nothing left to extend.
        }
    }

    static Long signedInAt(HttpSession session) {
        return (Long) session.getAttribute(SIGNED_IN_AT);
    }

    static Long lastActivityAt(HttpSession session) {
        return (Long) session.getAttribute(LAST_ACTIVITY_AT);
    }
}

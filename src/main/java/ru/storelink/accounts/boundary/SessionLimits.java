package ru.storelink.accounts.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Logger;
import ru.storelink.accounts.control.SessionLifetime;
import ru.storelink.accounts.control.SessionLifetime.End;

/**
 * Ends a signed-in session {@code accounts.session.absolute-hours} after sign-in, or
 * {@code accounts.session.idle-minutes} after the owner's last own request, whichever comes first
 * ({@link SessionLifetime}). The container's own timeout cannot do the idle part: every request extends it,
 * the dashboard's automatic refresh too. So the owner's activity is recorded here, at every request that
 * carries the session; the dashboard's refresh carries none (it shows a {@code RefreshPass} instead).
 *
 * <p>An ended session is signed out and invalidated, and the browser sent back to the page it asked for
 * (an Ajax request gets a Faces redirect), which then asks for the login and returns there afterwards.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionLimits extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionLimits.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session == null || request.getRemoteUser() == null) {
            chain.doFilter(request, response);
            return;
        }
        long now = System.currentTimeMillis();
        SessionLifetime lifetime = SessionLifetime.configured();
        Long signedInAt = SignedInSession.signedInAt(session);
        Long lastActivityAt = SignedInSession.lastActivityAt(session);
        if (signedInAt == null || lastActivityAt == null) {
            // Signed in before this rule existed (a session restored from the data grid): its clock starts now.
            SignedInSession.start(session, lifetime, now);
        } else {
            End end = lifetime.endAt(signedInAt, lastActivityAt, now);
            if (end != End.NONE) {
                LOG.info(() -> "Session ended (" + end.name().toLowerCase() + "): signed in "
                        + (now - signedInAt) / 60_000 + " min ago, last own request " + (now - lastActivityAt) / 1000
                        + " s ago");
                signOut(request, session);
                sendBack(request, response);
                return;
            }
        }
        SignedInSession.touch(session, now);
        chain.doFilter(request, response);
    }

    /**
     * When the signed-in session of {@code request} ends if the owner does nothing more: its idle limit from
     * now (this request is the owner's), or its absolute limit, whichever comes first.
     */
    public static Instant endOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        long now = System.currentTimeMillis();
        SessionLifetime lifetime = SessionLifetime.configured();
        Long signedInAt = session == null ? null : SignedInSession.signedInAt(session);
        // Without a sign-in time (a session restored from the data grid) its clock starts now, as in doFilter.
        return Instant.ofEpochMilli(lifetime.endsAt(signedInAt == null ? now : signedInAt, now));
    }

    static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    private static void signOut(HttpServletRequest request, HttpSession session) {
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.fine(() -> "Logout of an ended session failed: " + e);
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended elsewhere meanwhile
        }
    }

    private static void sendBack(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getRequestURI();
        if (isFacesAjax(request)) {
            // faces.js follows this by loading the page, which then asks for the login.
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + xmlAttribute(page) + "\"/></partial-response>");
        } else if ("GET".equals(request.getMethod())) {
            response.sendRedirect(page + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        } else {
            // What a form post meant to do is not done; a GET of its address may not exist.
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }

    private static String xmlAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}

package ru.storelink.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;

/**
 * Stateless views (login, registration, the dashboard, demo mode's mailbox) keep no view state in the session, so their view
 * state is no secret per visitor and cannot stop a cross-site post: another site could sign a visitor in to
 * an account of the attacker's ("login CSRF"), press «Проверить сейчас» or «Выйти» for them. Browsers say where a post
 * comes from: a post whose {@code Sec-Fetch-Site} is not same-origin, or whose {@code Origin} names another
 * host, is refused (403). A request with neither header (no browser sends a cross-site form without them)
 * passes.
 */
@WebFilter(urlPatterns = {"/login", "/login.xhtml", "/register", "/register.xhtml", "/connections", "/connections.xhtml",
        "/demo/mail", "/demo/mail.xhtml"},
        asyncSupported = true)
public class SameOriginPosts extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SameOriginPosts.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && !sameOrigin(request)) {
            LOG.info(() -> "Refused a cross-site post to " + request.getRequestURI());
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            String host = URI.create(origin).getHost();
            return host != null && host.equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}

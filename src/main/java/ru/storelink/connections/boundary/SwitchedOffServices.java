package ru.storelink.connections.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import ru.storelink.connections.control.Services;

/**
 * A service an admin switched off ({@code <key>.enabled=false}) has no page and no endpoints: {@code /<key>}
 * and everything under it answer 404, before any page or resource of it runs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SwitchedOffServices extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Services services;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int end = path.indexOf('/', 1);
        String first = path.length() <= 1 ? "" : path.substring(1, end < 0 ? path.length() : end).replaceFirst("\\.xhtml$", "");
        if (services.exists(first) && services.byKey(first).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}

package ru.storelink.web;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A form POST to a page without Faces view state was not sent by one of our forms (a hand-made or forged
 * request). Faces would quietly treat it as a fresh GET; we answer 400 with the error page instead, so the
 * sender learns that nothing was done. Forged or expired view state is handled by
 * {@link RefusedPostbackExceptionHandler}.
 */
@WebFilter(servletNames = "FacesServlet", asyncSupported = true)
public class MissingViewStateFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(MissingViewStateFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && isForm(request.getContentType())
                && request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) == null) {
            LOG.info(() -> "Refused a POST to " + request.getRequestURI() + " without view state");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(String contentType) {
        return contentType == null || contentType.startsWith("application/x-www-form-urlencoded");
    }
}

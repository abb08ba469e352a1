package ru.storelink.accounts.boundary;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The requests a page makes by itself, not the owner: the dashboard's card refresh. They neither extend the
 * idle time of {@link SessionLimits} nor write anything to the session, so an open dashboard costs one cheap
 * GET per refresh and no session replication.
 */
public final class AutomaticRefresh {

    /** The dashboard's card status, polled by the page. */
    public static final String PATH = "connections/status";

    private AutomaticRefresh() {
    }

    static boolean is(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + "/" + PATH);
    }
}

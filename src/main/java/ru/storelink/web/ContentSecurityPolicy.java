package ru.storelink.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Our Content-Security-Policy, in one place. Faces pages get it from PrimeFaces' CSP mode, which appends a
 * per-request nonce to the final {@code script-src} directive and moves every inline handler into nonced
 * scripts ({@code primefaces.CSP_POLICY} in web.xml points here); every other response (static files,
 * error pages) gets it from {@link SecurityHeadersFilter} with no nonce at all.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    /** Everything but {@code script-src}, which must come last so that PrimeFaces can append its nonce. */
    private static final String BASE = String.join("; ",
            "default-src 'self'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            // PrimeFaces components position overlays with inline style attributes.
            "style-src 'self' 'unsafe-inline'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "script-src 'self'");

    /** For responses that are not Faces pages: no inline script at all. */
    public static final String STATIC = BASE + ";";

    /** Read by PrimeFaces on every Faces request; it appends {@code 'nonce-…';}. */
    public String getFacesPolicy() {
        return BASE;
    }
}

package ru.storelink.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import java.util.TreeSet;

/**
 * Our Content-Security-Policy, in one place. Faces pages get it from PrimeFaces' CSP mode, which appends a
 * per-request nonce to the final {@code script-src} directive and moves every inline handler into nonced
 * scripts ({@code primefaces.CSP_POLICY} in web.xml points here); every other response (static files,
 * error pages) gets it from {@link SecurityHeadersFilter} with no nonce at all.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    /** For responses that are not Faces pages (static files, error pages: no forms): no inline script at all. */
    public static final String STATIC = policy("'self'") + ";";

    @Inject
    Instance<FormRedirectOrigins> formRedirects;

    private volatile String faces;

    /**
     * Read by PrimeFaces on every Faces request; it appends {@code 'nonce-…';}. A form may lead to our own
     * pages and to the consent pages of the providers (after a login that continues to a connect).
     */
    public String getFacesPolicy() {
        String policy = faces;
        if (policy == null) {
            Set<String> targets = new TreeSet<>();
            formRedirects.forEach(origins -> targets.addAll(origins.origins()));
            policy = policy(String.join(" ", "'self'", String.join(" ", targets)).trim());
            faces = policy;
        }
        return policy;
    }

    /** Everything but {@code script-src}, which must come last so that PrimeFaces can append its nonce. */
    private static String policy(String formAction) {
        return String.join("; ",
                "default-src 'self'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                // PrimeFaces components position overlays with inline style attributes.
                "style-src 'self' 'unsafe-inline'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action " + formAction,
                "frame-ancestors 'none'",
                "script-src 'self'");
    }
}

package ru.storelink.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Baseline security headers on every response. A Faces page's own, nonced Content-Security-Policy
 * <em>replaces</em> the default one: two CSP headers would both be enforced, and the default's
 * {@code script-src 'self'} would then block PrimeFaces' nonced scripts.
 *
 * <p>{@code Strict-Transport-Security} only on a response served over HTTPS — behind the TLS proxy that is a
 * request whose {@code X-Forwarded-Proto} Payara applied (pre-boot commands, {@code scheme-mapping}).
 * Browsers ignore it over plain HTTP anyway, and sending it there would wrongly suggest that a plain-HTTP
 * development server protects anything.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String CSP = "Content-Security-Policy";
    /** A year, as browsers' preload lists expect; subdomains of the public host are ours too. */
    static final String HSTS = "max-age=31536000; includeSubDomains";
    /**
     * Storelink needs none of these browser features: no page, and no script injected into one, may ask the
     * owner for the camera, the microphone, the location, a payment or a device.
     */
    static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            + "microphone=(), payment=(), usb=()";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, ContentSecurityPolicy.STATIC);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // For browsers that predate frame-ancestors.
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addHeader(String name, String value) {
                if (CSP.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }
}

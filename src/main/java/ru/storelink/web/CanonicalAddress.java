package ru.storelink.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The one address owners use ({@code app.public-url}) and where a request that came in under another one
 * must go. The session cookie belongs to a host name, and the OAuth consent returns to the public URL: an
 * owner who signed in at {@code http://127.0.0.1:8080} would come back from Evotor to {@code localhost},
 * without the session, and land on the login page. Sending every such request to the public address first,
 * before anything is stored, means an owner only ever has a session on the public address.
 *
 * <p>Scheme, host name and port must all match: a port or the scheme also decide where the browser sends
 * the session cookie ({@code Secure}) and what Faces and the OAuth redirect URIs name as the origin.
 */
public final class CanonicalAddress {

    private final String scheme;
    private final String host;
    private final int port;
    private final String base;

    private CanonicalAddress(String scheme, String host, int port, String base) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.base = base;
    }

    /** @param publicUrl {@code app.public-url}, e.g. {@code https://storelink.example.ru} */
    public static CanonicalAddress of(String publicUrl) {
        URI url = URI.create(publicUrl);
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("app.public-url must be an absolute http(s) URL, not " + publicUrl);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new CanonicalAddress(scheme, url.getHost().toLowerCase(Locale.ROOT),
                url.getPort() == -1 ? defaultPort(scheme) : url.getPort(), base);
    }

    /**
     * @param scheme     the request's scheme, after Payara applied the proxy's {@code X-Forwarded-Proto}
     * @param hostHeader the request's {@code Host} header as sent ({@code name}, {@code name:port},
     *                   {@code [v6]:port}); null when the client sent none
     * @param path       the request path inside the application (probes are recognised by it)
     * @param requestUri the path as the client sent it, still encoded
     * @param query      the query string as the client sent it, or null
     * @return the redirect to the same path and query on the public address; empty when the request already
     *         came to it, or is a probe
     */
    public Optional<Redirect> redirect(String method, String scheme, String hostHeader, String path, String requestUri,
            String query) {
        if (isProbe(path) || isCanonical(scheme, hostHeader)) {
            return Optional.empty();
        }
        String location = base + requestUri + (query == null ? "" : "?" + query);
        // 301 lets a browser turn a GET into a GET, but it may turn a POST into a GET and drop the form:
        // 308 keeps the method and the body, so a post (there should be none here) is not silently lost.
        boolean safe = "GET".equals(method) || "HEAD".equals(method);
        return Optional.of(new Redirect(safe ? 301 : 308, location));
    }

    /**
     * MicroProfile Health and Metrics are asked by probes (Docker's HEALTHCHECK, a load balancer, Prometheus)
     * at each instance's own address. A redirect would make them probe the public address — the proxy and
     * whichever instance it picks — instead of this instance. They carry no session and need no login.
     */
    static boolean isProbe(String path) {
        return path.equals("/health") || path.startsWith("/health/")
                || path.equals("/metrics") || path.startsWith("/metrics/");
    }

    private boolean isCanonical(String requestScheme, String hostHeader) {
        if (requestScheme == null || !scheme.equals(requestScheme.toLowerCase(Locale.ROOT))
                || hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String value = hostHeader.trim().toLowerCase(Locale.ROOT);
        // An IPv6 literal is bracketed and contains colons itself: the port follows the closing bracket.
        int portSeparator = value.startsWith("[") ? value.indexOf(':', Math.max(value.indexOf(']'), 0)) : value.lastIndexOf(':');
        String name = portSeparator < 0 ? value : value.substring(0, portSeparator);
        int requestPort;
        try {
            requestPort = portSeparator < 0 ? defaultPort(scheme) : Integer.parseInt(value.substring(portSeparator + 1));
        } catch (NumberFormatException garbage) {
            return false;
        }
        return host.equals(name) && port == requestPort;
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    @Override
    public String toString() {
        return base;
    }

    /** Where to send the browser, and with which status. */
    public record Redirect(int status, String location) {
    }
}

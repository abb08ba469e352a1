package ru.storelink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A cookie-keeping HTTP client for black-box tests: it fills in and submits our Faces forms the way a
 * browser would (hidden fields, view state), but also lets a test send what no browser would.
 */
public final class WebClient {

    public static final String PRIMEFACES_NONCE = "primefaces.nonce";

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;

    public WebClient(URL base) {
        this(URI.create(base.toString()), new CookieManager());
    }

    private WebClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                // Plain HTTP/1.1, as browsers speak it without TLS (the JDK client would try an h2c upgrade).
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * The same browser (same cookies) sent to another server of the same host, as a load balancer would
     * send it to another instance. Cookies do not depend on the port.
     */
    public WebClient sameBrowserAt(URI otherBase) {
        return new WebClient(otherBase, cookies);
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with one more header, as a proxy in front of the server would add it. */
    public HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET());
    }

    /** A GET with more headers (the dashboard's refresh: its pass and the last ETag). */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Follows a redirect (to us or to a provider simulator), as a browser would. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No redirect from " + redirect.uri() + " (status " + redirect.statusCode() + ")"));
        return send(HttpRequest.newBuilder(redirect.uri().resolve(location)).GET());
    }

    /**
     * Clicks «Подключить» for {@code service} ("evotor", "vk") and follows the provider's redirect back:
     * returns our callback's answer (a 303 to /connections).
     */
    public HttpResponse<String> connect(String service) {
        return follow(follow(get("/" + service + "/connect")));
    }

    /** Where a redirect points. */
    public static String location(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("not a redirect"));
    }

    /** A GET carrying only the given cookie, as an attacker replaying a stolen cookie would send it. */
    public HttpResponse<String> getWithCookie(String path, String name, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", name + "=" + value).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    /** A form post with extra request headers (a Faces Ajax request, an {@code Origin}). */
    public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** Loads {@code path}, fills the form's fields (ids without the form prefix) and submits it. */
    public HttpResponse<String> submit(String path, String formId, Map<String, String> values) {
        return post(path, formFields(get(path), formId, values));
    }

    /** The fields a browser would post for form {@code formId} of {@code page}, with {@code values} filled in. */
    public static Map<String, String> formFields(HttpResponse<String> page, String formId, Map<String, String> values) {
        Document document = Jsoup.parse(page.body());
        Element form = document.getElementById(formId);
        if (form == null) {
            throw new AssertionError("No form #" + formId + " on " + page.uri() + " (status " + page.statusCode() + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        values.forEach((field, value) -> fields.put(formId + ":" + field, value));
        fields.put(formId + ":submit", "");
        // PrimeFaces' CSP script adds the page's nonce to every post; a browser always sends it.
        page.headers().firstValue("Content-Security-Policy")
                .map(csp -> csp.replaceAll(".*'nonce-([^']+)'.*", "$1"))
                .ifPresent(nonce -> fields.put(PRIMEFACES_NONCE, nonce));
        return fields;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Every cookie this client would send to the server, as one {@code Cookie} header value. */
    public String cookieHeader() {
        return cookies.getCookieStore().get(base).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** Registers a new account; the client is signed in afterwards. */
    public HttpResponse<String> register(String email, String password) {
        return submit("/register", "registration", Map.of(
                "email", email, "password", password, "confirmation", password));
    }

    public HttpResponse<String> login(String email, String password) {
        return submit("/login", "login", Map.of("email", email, "password", password));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The visible text of an HTML page. */
    public static String text(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).text();
    }
}

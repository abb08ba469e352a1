package ru.storelink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/** Black-box: the headers every response carries. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    final URL base = TestServer.baseUrl();

    @Test
    void facesPagesAllowOnlyNoncedInlineScripts() {
        HttpResponse<String> page = new WebClient(base).get("/login");

        assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}';$");
        String scriptSrc = csp.substring(csp.indexOf("script-src"));
        assertThat(scriptSrc).doesNotContain("unsafe-inline", "unsafe-eval");
        String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
        // Every inline script of the page carries the header's nonce, or the browser would not run it.
        assertThat(page.body()).contains("nonce=\"" + nonce + "\"");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*nonce=)[^>]*>[^<]+</script>");
        assertThat(page.body()).doesNotContainPattern("\\son(click|load|submit|change)=");
    }

    @Test
    void formsMayLeadOnlyToUsAndToTheProvidersConsentPages() {
        String pages = new WebClient(base).get("/login").headers().firstValue("Content-Security-Policy").orElseThrow();
        // A login that continues to «Переподключить» ends at the consent page: the browser applies form-action
        // to that redirect chain and would otherwise stop on the login page.
        String formAction = pages.replaceAll(".*form-action ([^;]*);.*", "$1");
        assertThat(formAction.split(" ")).containsExactlyInAnyOrder("'self'",
                "http://127.0.0.1:" + System.getProperty("storelink.simulator.evotor.port"),
                "http://127.0.0.1:" + System.getProperty("storelink.simulator.vk.port"),
                "http://127.0.0.1:" + System.getProperty("storelink.simulator.warehouse.port"));
        String files = new WebClient(base).get("/webjars/bootstrap-icons/1.13.1/font/bootstrap-icons.min.css").headers()
                .firstValue("Content-Security-Policy").orElseThrow();
        assertThat(files).contains("form-action 'self';");
    }

    @Test
    void baselineHeadersOnPagesStaticFilesAndErrors() {
        WebClient client = new WebClient(base);
        for (HttpResponse<String> response : new HttpResponse[] {
                client.get("/login"),
                client.get("/webjars/bootstrap-icons/1.13.1/font/bootstrap-icons.min.css"),
                client.post("/login", Map.of("forged", "post"))}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Permissions-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()", "payment=()"));
        }
    }

    @Test
    void permissionsPolicyOnEveryPage() {
        WebClient owner = new WebClient(base);
        owner.register(TestData.uniqueEmail("headers"), "correct horse battery");
        for (String page : new String[] {"/register", "/connections", "/connections/add", "/evotor", "/vk", "/notifications", "/demo/mail",
                "/no-such-page"}) {
            assertThat(owner.get(page).headers().firstValue("Permissions-Policy")).as(page).isPresent();
        }
    }

    @Test
    void strictTransportSecurityOnlyWhenServedOverHttps() {
        WebClient client = new WebClient(base);
        assertThat(client.get("/login").headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();

        // As behind the TLS proxy: Payara takes the scheme from X-Forwarded-Proto (scheme-mapping in the
        // pre-boot commands). The test server's public URL is plain http, so the canonical-host redirect would
        // send such a request back to http: it is off for this test.
        TestConfig.set("app.canonical-redirect", "false");
        try {
            HttpResponse<String> page = client.get("/login", "X-Forwarded-Proto", "https");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
            // The first session is the signed-in one.
            String email = TestData.uniqueEmail("secure-cookie");
            new WebClient(base).register(email, "correct horse battery");
            WebClient owner = new WebClient(base);
            HttpResponse<String> signedIn = owner.post("/login", WebClient.formFields(owner.get("/login", "X-Forwarded-Proto", "https"), "login",
                    Map.of("email", email, "password", "correct horse battery")), Map.of("X-Forwarded-Proto", "https"));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
            assertThat(cookie).as("the session cookie is Secure once the request came over HTTPS").containsIgnoringCase("Secure");
        } finally {
            TestConfig.clear();
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        // Nothing creates a session before sign-in: the one to look at is the owner's.
        HttpResponse<String> page = new WebClient(base).register(TestData.uniqueEmail("cookie"), "correct horse battery");

        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        // Plain HTTP here; Payara adds Secure when the request came over HTTPS.
        assertThat(cookie).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void pagesAreNotCachedButResourcesAre() {
        WebClient client = new WebClient(base);
        assertThat(client.get("/login").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(client.get("/jakarta.faces.resource/css/storelink.css.xhtml").headers()
                .firstValue("Cache-Control")).isNotEqualTo(Optional.of("no-store"));
    }

    @Test
    void iconsAreServedFromTheApplicationItself() {
        WebClient client = new WebClient(base);
        HttpResponse<String> page = client.get("/login");
        assertThat(page.body()).contains("href=\"/webjars/bootstrap-icons/1.13.1/font/bootstrap-icons.min.css\"")
                .doesNotContain("cdn.", "//fonts.");
        assertThat(client.get("/webjars/bootstrap-icons/1.13.1/font/bootstrap-icons.min.css").statusCode()).isEqualTo(200);
        assertThat(client.get("/webjars/bootstrap-icons/1.13.1/font/fonts/bootstrap-icons.woff2").statusCode()).isEqualTo(200);
    }
}

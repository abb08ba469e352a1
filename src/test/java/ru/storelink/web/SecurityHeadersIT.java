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
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        // The login page creates no session; a protected page does (it remembers itself for after login).
        HttpResponse<String> page = new WebClient(base).get("/connections");

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

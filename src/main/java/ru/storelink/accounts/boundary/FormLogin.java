package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ru.storelink.accounts.control.ReturnPath;

/**
 * Form login through our own Faces page (login.xhtml calls {@link Authentication#signIn}); which URLs are
 * protected is declared in web.xml, and a signed-in session is applied to every request by
 * {@link AutoApplySession}.
 *
 * <p>An anonymous request for a protected page is redirected to {@code /login?next=<the page>}, and the login page
 * returns there: the way back travels in the URL, checked by {@link ReturnPath}, and not in a session. Jakarta
 * Security's {@code @LoginToContinue} would keep the request in a new session instead — one per anonymous
 * request, so 80,000 requests for {@code /connections} in half a minute filled the 512 MiB heap of an instance
 * and stopped it in garbage collection.
 */
@AutoApplySession
@ApplicationScoped
public class FormLogin implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return context.redirect(request.getContextPath() + "/login" + next(request));
    }

    /**
     * Only a GET is worth coming back to (a form posted after the session ended is not replayed), and the
     * Connections page, where a sign-in lands anyway, needs no {@code next}.
     */
    private static String next(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || path.equals("/") || path.equals(Authentication.LANDING)) {
            return "";
        }
        String wanted = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return ReturnPath.of(wanted).map(back -> "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)).orElse("");
    }
}

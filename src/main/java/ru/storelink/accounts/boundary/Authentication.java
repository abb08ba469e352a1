package ru.storelink.accounts.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ru.storelink.accounts.control.ReturnPath;
import ru.storelink.accounts.control.SessionLifetime;

/**
 * Signs the current request in through the container, shared by the login and registration pages; both pages
 * read {@code #{authentication.next}} and {@code #{authentication.nextQuery}} for the way back after sign-in.
 */
@Named
@ApplicationScoped
public class Authentication {

    /** Where a sign-in lands unless the owner was on their way to another page. */
    static final String LANDING = "/connections";

    @Inject
    SecurityContext securityContext;

    /**
     * @param next where the owner wanted to go ({@code ?next=} of the login page), checked by {@link ReturnPath};
     *             /connections when absent or not one of our pages
     * @return true when signed in; the response then already redirects the browser and rendering must stop.
     */
    public boolean signIn(FacesContext faces, String email, String password, String next) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        // Session fixation: whatever id the visitor had before, the signed-in session gets a new one.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(email, new Password(password))));
        if (status != AuthenticationStatus.SUCCESS) {
            return false;
        }
        startSession(request);
        redirect(faces, ReturnPath.of(next).orElse(LANDING));
        return true;
    }

    /**
     * The page to return to after sign-in: the login or registration page's {@code ?next=}, then its form's
     * hidden field of the same name. Only a path {@link ReturnPath} accepts is ever written into a page or followed.
     */
    static String next(FacesContext faces) {
        return ReturnPath.of(faces.getExternalContext().getRequestParameterMap().get("next")).orElse(null);
    }

    /** For the pages' hidden field {@code next}. */
    public String getNext() {
        return next(FacesContext.getCurrentInstance());
    }

    /** {@code ?next=…} for a link between the login and registration pages, so the way back goes along. */
    public String getNextQuery() {
        String next = getNext();
        return next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** The first session of this visitor (login and registration pages create none), with its time limits. */
    private static void startSession(HttpServletRequest request) {
        SignedInSession.start(request.getSession(), SessionLifetime.configured(), System.currentTimeMillis());
    }

    static void redirect(FacesContext faces, String path) {
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}

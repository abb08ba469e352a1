package ru.storelink.accounts.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import ru.storelink.accounts.control.SessionLifetime;

/** Signs the current request in through the container, shared by the login and registration pages. */
@ApplicationScoped
public class Authentication {

    @Inject
    SecurityContext securityContext;

    /**
     * @return true when signed in; the response then already redirects the browser (back to the page the
     *         visitor wanted, or to the Connections page) and rendering must stop.
     */
    public boolean signIn(FacesContext faces, String email, String password) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        // Session fixation: whatever id the visitor had before, the signed-in session gets a new one.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        // newAuthentication(false): Soteria's login-to-continue then redirects to the saved original request;
        // a "new" authentication would discard it and always land on /connections.
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .newAuthentication(false)
                .credential(new UsernamePasswordCredential(email, new Password(password))));
        switch (status) {
            case SEND_CONTINUE:
                // Redirected to the originally requested page by the login-to-continue machinery.
                startSession(request);
                faces.responseComplete();
                return true;
            case SUCCESS:
                startSession(request);
                redirect(faces, "/connections");
                return true;
            default:
                return false;
        }
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

package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import ru.storelink.accounts.control.LoginOutcome;
import ru.storelink.texts.Texts;

/**
 * Backs login.xhtml. The view is stateless (see login.xhtml): an anonymous visitor gets no session until
 * signed in.
 */
@Named
@RequestScoped
public class Login {

    static final String WRONG_CREDENTIALS = Texts.render("login.wrong-credentials");
    static final String TOO_MANY_ATTEMPTS = Texts.render("login.too-many-attempts");
    static final String INCOMPLETE = Texts.render("login.incomplete");

    private static final Logger LOG = Logger.getLogger(Login.class.getName());

    @Inject
    Authentication authentication;

    @Inject
    LoginOutcome outcome;

    private String email;
    private String password;

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (email == null || password == null) {
            // A field our form always sends is missing: not a wrong password but a broken request.
            LOG.info("Refused a login post without an email or password field");
            refuse(faces, 400, INCOMPLETE);
            return;
        }
        if (authentication.signIn(faces, email, password, Authentication.next(faces))) {
            return;
        }
        switch (outcome.kind()) {
            case ADDRESS_LOCKED -> refuse(faces, 429, Texts.render("login.address-locked", minutesUntil(outcome.lockedUntil())));
            case TOO_MANY_ATTEMPTS -> {
                faces.getExternalContext().addResponseHeader("Retry-After", "60");
                refuse(faces, 429, TOO_MANY_ATTEMPTS);
            }
            default -> refuse(faces, 401, WRONG_CREDENTIALS);
        }
    }

    static void refuse(FacesContext faces, int status, String message) {
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(status);
        faces.addMessage(null, error(message));
        faces.validationFailed();
    }

    private static long minutesUntil(OffsetDateTime until) {
        long seconds = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), until).getSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.accounts.control.CredentialRules;
import ru.storelink.accounts.control.EmailTakenException;
import ru.storelink.accounts.control.HashingBusyException;
import ru.storelink.accounts.control.LoginThrottle;
import ru.storelink.accounts.control.LoginThrottle.Admission;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/**
 * Backs register.xhtml: creates the account and signs the new owner in. Stateless like the login page. A
 * refusal because the address is taken counts against the client's failed-login limit, and a limited
 * client cannot register either: the message tells whether an address is registered, so probing addresses
 * here must cost what guessing passwords costs.
 */
@Named
@RequestScoped
public class Registration {

    static final String EMAIL_TAKEN = Texts.render("account.email-taken");

    @Inject
    Accounts accounts;

    @Inject
    Authentication authentication;

    @Inject
    LoginThrottle throttle;

    @Inject
    HttpServletRequest request;

    private static final Logger LOG = Logger.getLogger(Registration.class.getName());

    private String email;
    private String password;
    private String confirmation;

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean valid = report(faces, "email", CredentialRules.emailProblem(email))
                & report(faces, "password", CredentialRules.passwordProblem(password))
                & report(faces, "confirmation", CredentialRules.confirmationProblem(password, confirmation));
        if (!valid) {
            faces.validationFailed();
            return;
        }
        Admission admission = throttle.admitRegistration(request.getRemoteAddr());
        if (!admission.admitted()) {
            tooManyAttempts(faces);
            return;
        }
        try {
            accounts.register(email, password);
        } catch (EmailTakenException e) {
            throttle.registrationRefused(admission);
            faces.getExternalContext().setResponseStatus(409);
            faces.addMessage("registration:email", Login.error(EMAIL_TAKEN));
            faces.validationFailed();
            return;
        } catch (HashingBusyException e) {
            LOG.info(() -> "Registration refused for " + admission.clientKey() + ": password hashing busy");
            tooManyAttempts(faces);
            return;
        }
        if (!authentication.signIn(faces, email, password, Authentication.next(faces))) {
            // Only possible if the account was removed in between; the login page explains the rest.
            Authentication.redirect(faces, "/login");
        }
    }

    private static void tooManyAttempts(FacesContext faces) {
        faces.getExternalContext().addResponseHeader("Retry-After", "60");
        Login.refuse(faces, 429, Login.TOO_MANY_ATTEMPTS);
    }

    private static boolean report(FacesContext faces, String field, Optional<Message> problem) {
        problem.ifPresent(message -> faces.addMessage("registration:" + field, Login.error(Texts.render(message))));
        return problem.isEmpty();
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

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}

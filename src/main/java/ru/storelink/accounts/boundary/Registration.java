package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.accounts.control.CredentialRules;
import ru.storelink.accounts.control.EmailTakenException;

/** Backs register.xhtml: creates the account and signs the new owner in. */
@Named
@RequestScoped
public class Registration {

    static final String EMAIL_TAKEN = "Этот адрес электронной почты уже зарегистрирован. Войдите или укажите другой адрес.";

    @Inject
    Accounts accounts;

    @Inject
    Authentication authentication;

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
        try {
            accounts.register(email, password);
        } catch (EmailTakenException e) {
            faces.getExternalContext().setResponseStatus(409);
            faces.addMessage("registration:email", Login.error(EMAIL_TAKEN));
            faces.validationFailed();
            return;
        }
        if (!authentication.signIn(faces, email, password)) {
            // Only possible if the account was removed in between; the login page explains the rest.
            Authentication.redirect(faces, "/login");
        }
    }

    private static boolean report(FacesContext faces, String field, Optional<String> problem) {
        problem.ifPresent(text -> faces.addMessage("registration:" + field, Login.error(text)));
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

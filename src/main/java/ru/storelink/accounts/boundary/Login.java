package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.accounts.control.LoginThrottle;

/** Backs login.xhtml. */
@Named
@RequestScoped
public class Login {

    static final String WRONG_CREDENTIALS = "Неверный адрес электронной почты или пароль.";

    @Inject
    Authentication authentication;

    @Inject
    Accounts accounts;

    @Inject
    LoginThrottle throttle;

    private String email;
    private String password;

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (authentication.signIn(faces, email, password)) {
            return;
        }
        Optional<OffsetDateTime> lockedUntil = accounts.findByEmail(email).flatMap(throttle::lockedUntil);
        if (lockedUntil.isPresent()) {
            faces.getExternalContext().setResponseStatus(429);
            faces.addMessage(null, error("Слишком много неудачных попыток входа. Вход в эту учётную запись "
                    + "временно заблокирован, попробуйте снова через " + minutesUntil(lockedUntil.get())
                    + " мин."));
        } else {
            faces.getExternalContext().setResponseStatus(401);
            faces.addMessage(null, error(WRONG_CREDENTIALS));
        }
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

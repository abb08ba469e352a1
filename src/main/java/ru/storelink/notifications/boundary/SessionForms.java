package ru.storelink.notifications.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.FormToken;
import ru.storelink.texts.Texts;

/**
 * The check every change on «Уведомления» passes first: the form carries the session's form token. A
 * forged or stale form changes nothing; the owner reads why, the log says whose.
 */
@RequestScoped
public class SessionForms {

    private static final Logger LOG = Logger.getLogger(SessionForms.class.getName());

    @Inject
    FormToken formToken;

    @Inject
    SignedInAccount account;

    boolean posted(FacesContext faces, String what) {
        if (formToken.matches(faces.getExternalContext().getRequestParameterMap().get(FormToken.FIELD))) {
            return true;
        }
        LOG.warning(() -> what + " of account " + account.id() + " posted without the session's form token: refused");
        faces.addMessage(null, error("notifications.stale-form"));
        return false;
    }

    static FacesMessage error(String code, Object... args) {
        String text = Texts.render(code, args);
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }

    static FacesMessage info(String code, Object... args) {
        return new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.render(code, args), null);
    }
}

package ru.storelink.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.notifications.control.MailComposer;
import ru.storelink.notifications.control.Mailer;
import ru.storelink.notifications.control.DeliveryFailed;
import ru.storelink.notifications.control.NotifySettings;
import ru.storelink.notifications.control.Preferences;
import ru.storelink.notifications.entity.NotificationSettings;

/**
 * «Уведомления» ({@code /notifications}): which e-mails the signed-in owner gets, quiet hours, and a test
 * e-mail (the webhook is {@link WebhookSettings}). Each change is a POST of the page's form with the session's form token; it reads and writes the
 * owner's own settings only (the account id is the session's, never the request's).
 */
@Named
@RequestScoped
public class NotificationsPage {

    private static final Logger LOG = Logger.getLogger(NotificationsPage.class.getName());
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    @Inject
    SignedInAccount account;

    @Inject
    Preferences preferences;

    @Inject
    Mailer mailer;

    @Inject
    MailComposer composer;

    @Inject
    SessionForms forms;

    @Inject
    TestMailLimit testMailLimit;

    private boolean broken;
    private boolean unavailable;
    private boolean recovered;
    private boolean quiet;
    private String quietFrom;
    private String quietUntil;

    @PostConstruct
    void load() {
        NotificationSettings settings = preferences.of(account.id());
        broken = settings.isEmailBroken();
        unavailable = settings.isEmailUnavailable();
        recovered = settings.isEmailRecovered();
        quiet = settings.getQuietFrom() != null;
        quietFrom = quiet ? settings.getQuietFrom().toString() : "22:00";
        quietUntil = quiet ? settings.getQuietUntil().toString() : "08:00";
    }

    /** «Сохранить». */
    public String save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!forms.posted(faces, "Notification settings")) {
            return null;
        }
        LocalTime from = null;
        LocalTime until = null;
        if (quiet) {
            from = time(faces, "settings:quiet-from", quietFrom);
            until = time(faces, "settings:quiet-until", quietUntil);
            if (from == null || until == null) {
                return null;
            }
            if (from.equals(until)) {
                faces.addMessage("settings:quiet-until", SessionForms.error("notifications.quiet-same"));
                return null;
            }
        }
        preferences.save(account.id(), broken, unavailable, recovered, from, until);
        LOG.info(() -> "Account " + account.id() + " changed its notification settings");
        faces.addMessage(null, SessionForms.info("notifications.saved"));
        return null;
    }

    /** «Отправить тестовое письмо»: straight to the mail server, so that the owner sees at once whether it works. */
    public String sendTest() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!forms.posted(faces, "Notification settings")) {
            return null;
        }
        long wait = testMailLimit.secondsToWait(Instant.now());
        if (wait > 0) {
            faces.addMessage(null, SessionForms.error("notifications.test-too-soon", wait));
            return null;
        }
        String to = email();
        try {
            mailer.send(composer.test(account.id(), to, "test-" + UUID.randomUUID() + "@storelink"));
            faces.addMessage(null, SessionForms.info(
                    mailer.route() == Mailer.Route.DEMO_MAILBOX ? "notifications.test-in-mailbox" : "notifications.test-sent", to));
        } catch (DeliveryFailed e) {
            LOG.warning(() -> "Test e-mail of account " + account.id() + " not delivered: " + e.getMessage());
            faces.addMessage(null, SessionForms.error(mailer.route() == Mailer.Route.NONE ? "notifications.no-smtp" : "notifications.test-failed"));
        }
        return null;
    }

    private static LocalTime time(FacesContext faces, String field, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (!TIME.matcher(trimmed).matches()) {
            faces.addMessage(field, SessionForms.error("notifications.time-malformed"));
            faces.validationFailed();
            return null;
        }
        return LocalTime.parse(trimmed);
    }

    public String email() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String getEmail() {
        return email();
    }

    /** SMTP, DEMO_MAILBOX or NONE: the page says where e-mails go. */
    public String getRoute() {
        return mailer.route().name();
    }

    public boolean isBroken() {
        return broken;
    }

    public void setBroken(boolean broken) {
        this.broken = broken;
    }

    public boolean isUnavailable() {
        return unavailable;
    }

    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    public boolean isRecovered() {
        return recovered;
    }

    public void setRecovered(boolean recovered) {
        this.recovered = recovered;
    }

    public boolean isQuiet() {
        return quiet;
    }

    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    public String getQuietFrom() {
        return quietFrom;
    }

    public void setQuietFrom(String quietFrom) {
        this.quietFrom = quietFrom;
    }

    public String getQuietUntil() {
        return quietUntil;
    }

    public void setQuietUntil(String quietUntil) {
        this.quietUntil = quietUntil;
    }

    /** «Сервис недоступен» is told after this many minutes (the admin's {@code notify.unavailable-after-seconds}). */
    public long getUnavailableAfterMinutes() {
        return NotifySettings.current().unavailableAfter().toMinutes();
    }
}

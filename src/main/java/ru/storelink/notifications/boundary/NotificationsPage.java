package ru.storelink.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.control.FormToken;
import ru.storelink.notifications.control.MailComposer;
import ru.storelink.notifications.control.Mailer;
import ru.storelink.notifications.control.DeliveryFailed;
import ru.storelink.notifications.control.NotifySettings;
import ru.storelink.notifications.control.OutboxRows;
import ru.storelink.notifications.control.WebhookTargets;
import ru.storelink.notifications.control.Webhooks;
import ru.storelink.notifications.control.Preferences;
import ru.storelink.notifications.entity.NotificationSettings;
import ru.storelink.texts.Texts;

/**
 * «Уведомления» ({@code /notifications}): which e-mails the signed-in owner gets, quiet hours, and a test
 * e-mail. Each change is a POST of the page's form with the session's form token; it reads and writes the
 * owner's own settings only (the account id is the session's, never the request's).
 */
@Named
@RequestScoped
public class NotificationsPage {

    private static final Logger LOG = Logger.getLogger(NotificationsPage.class.getName());
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

    @Inject
    SignedInAccount account;

    @Inject
    Preferences preferences;

    @Inject
    Mailer mailer;

    @Inject
    MailComposer composer;

    @Inject
    FormToken formToken;

    @Inject
    TestMailLimit testMailLimit;

    private boolean broken;
    private boolean unavailable;
    private boolean recovered;
    private boolean quiet;
    private String quietFrom;
    private String quietUntil;

    @Inject
    Webhooks webhooks;

    @Inject
    OutboxRows rows;

    @Inject
    CheckTimes times;

    private String webhookUrl;
    private boolean webhookSet;
    private String shownSecret;

    @PostConstruct
    void load() {
        NotificationSettings settings = preferences.of(account.id());
        webhookUrl = settings.getWebhookUrl();
        webhookSet = webhookUrl != null;
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
        if (!tokenMatches(faces)) {
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
                faces.addMessage("settings:quiet-until", error("notifications.quiet-same"));
                return null;
            }
        }
        preferences.save(account.id(), broken, unavailable, recovered, from, until);
        LOG.info(() -> "Account " + account.id() + " changed its notification settings");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.render("notifications.saved"), null));
        return null;
    }

    /** «Сохранить вебхук»: checks the target, makes a new secret and shows it this once. */
    public String saveWebhook() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!tokenMatches(faces)) {
            return null;
        }
        String url = webhookUrl == null ? "" : webhookUrl.trim();
        var problem = WebhookTargets.problem(url);
        if (problem.isPresent()) {
            LOG.info(() -> "Account " + account.id() + " webhook refused: " + problem.get().code());
            faces.addMessage("webhook:url", new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.render(problem.get()), Texts.render(problem.get())));
            faces.validationFailed();
            return null;
        }
        Webhooks.Secret secret = webhooks.newSecret(account.id());
        preferences.saveWebhook(account.id(), url, secret.sealed());
        LOG.info(() -> "Account " + account.id() + " set a webhook");
        shownSecret = secret.clear();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.render("notifications.webhook-saved"), null));
        return null;
    }

    /** «Удалить вебхук». */
    public String removeWebhook() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!tokenMatches(faces)) {
            return null;
        }
        if (preferences.removeWebhook(account.id())) {
            LOG.info(() -> "Account " + account.id() + " removed its webhook");
        }
        webhookUrl = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.render("notifications.webhook-removed"), null));
        return null;
    }

    /** «Отправить тестовое письмо»: straight to the mail server, so that the owner sees at once whether it works. */
    public String sendTest() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!tokenMatches(faces)) {
            return null;
        }
        long wait = testMailLimit.secondsToWait(Instant.now());
        if (wait > 0) {
            faces.addMessage(null, error("notifications.test-too-soon", wait));
            return null;
        }
        String to = email();
        try {
            mailer.send(composer.test(account.id(), to, "test-" + UUID.randomUUID() + "@storelink"));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.render(
                    mailer.route() == Mailer.Route.DEMO_MAILBOX ? "notifications.test-in-mailbox" : "notifications.test-sent", to), null));
        } catch (DeliveryFailed e) {
            LOG.warning(() -> "Test e-mail of account " + account.id() + " not delivered: " + e.getMessage());
            faces.addMessage(null, error(mailer.route() == Mailer.Route.NONE ? "notifications.no-smtp" : "notifications.test-failed"));
        }
        return null;
    }

    private boolean tokenMatches(FacesContext faces) {
        if (formToken.matches(faces.getExternalContext().getRequestParameterMap().get(FormToken.FIELD))) {
            return true;
        }
        LOG.warning(() -> "Notification settings of account " + account.id() + " posted without the session's form token: refused");
        faces.addMessage(null, error("notifications.stale-form"));
        return false;
    }

    private static LocalTime time(FacesContext faces, String field, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (!TIME.matcher(trimmed).matches()) {
            faces.addMessage(field, error("notifications.time-malformed"));
            faces.validationFailed();
            return null;
        }
        return LocalTime.parse(trimmed);
    }

    private static FacesMessage error(String code, Object... args) {
        String text = Texts.render(code, args);
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
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

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    /** Whether a webhook was stored when the page was read. */
    public boolean isWebhookSet() {
        return webhookSet;
    }

    /** The new secret, on the one response that made it; never again. */
    public String getShownSecret() {
        return shownSecret;
    }

    /** One line of the delivery log. */
    public record DeliveryRow(String occurredAt, String event, String status, String outcome) {

        public String getOccurredAt() {
            return occurredAt;
        }

        public String getEvent() {
            return event;
        }

        public String getStatus() {
            return status;
        }

        public String getOutcome() {
            return outcome;
        }
    }

    /** The latest webhook deliveries, newest first. */
    public List<DeliveryRow> getDeliveries() {
        return rows.webhookDeliveries(account.id(), 20).stream()
                .map(delivery -> new DeliveryRow(times.format(delivery.occurredAt()),
                        Texts.render("delivery.event." + delivery.kind().name(), Texts.render(delivery.service() + ".title")),
                        delivery.status().equals("PENDING") && delivery.attempts() > 0
                                ? Texts.render("delivery.RETRYING", delivery.attempts())
                                : Texts.render("delivery." + delivery.status()),
                        outcome(delivery.status(), delivery.outcome())))
                .toList();
    }

    /** The outbox's reason (English, for admins) as the owner reads it: the receiver's answer, or no answer. */
    static String outcome(String status, String outcome) {
        if (outcome == null || status.equals("SENT")) {
            return "";
        }
        Matcher http = HTTP_STATUS.matcher(outcome);
        if (http.find()) {
            return Texts.render("delivery.answered", http.group(1));
        }
        return Texts.render(outcome.contains("target is refused") ? "delivery.refused-target" : "delivery.no-answer");
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

package ru.storelink.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.notifications.control.Deliveries;
import ru.storelink.notifications.control.Preferences;
import ru.storelink.notifications.control.WebhookTargets;
import ru.storelink.notifications.control.Webhooks;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/**
 * The webhook part of «Уведомления»: the owner's URL, checked against SSRF before it is stored, a new
 * signing secret shown on the one response that made it, and the latest deliveries.
 */
@Named
@RequestScoped
public class WebhookSettings {

    private static final Logger LOG = Logger.getLogger(WebhookSettings.class.getName());
    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

    @Inject
    SignedInAccount account;

    @Inject
    Preferences preferences;

    @Inject
    Webhooks webhooks;

    @Inject
    Deliveries deliveries;

    @Inject
    CheckTimes times;

    @Inject
    SessionForms forms;

    private String webhookUrl;
    private boolean webhookSet;
    private String shownSecret;

    @PostConstruct
    void load() {
        webhookUrl = preferences.of(account.id()).getWebhookUrl();
        webhookSet = webhookUrl != null;
    }

    /** «Сохранить вебхук»: checks the target, makes a new secret and shows it this once. */
    public String save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!forms.posted(faces, "Webhook")) {
            return null;
        }
        String url = webhookUrl == null ? "" : webhookUrl.trim();
        Optional<Message> problem = WebhookTargets.problem(url);
        if (problem.isPresent()) {
            LOG.info(() -> "Account " + account.id() + " webhook refused: " + problem.get().code());
            faces.addMessage("webhook:url", SessionForms.error(problem.get().code(), problem.get().args().toArray()));
            faces.validationFailed();
            return null;
        }
        Webhooks.Secret secret = webhooks.newSecret(account.id());
        preferences.saveWebhook(account.id(), url, secret.sealed());
        LOG.info(() -> "Account " + account.id() + " set a webhook");
        webhookSet = true;
        shownSecret = secret.clear();
        faces.addMessage(null, SessionForms.info("notifications.webhook-saved"));
        return null;
    }

    /** «Удалить вебхук». */
    public String remove() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!forms.posted(faces, "Webhook removal")) {
            return null;
        }
        if (preferences.removeWebhook(account.id())) {
            LOG.info(() -> "Account " + account.id() + " removed its webhook");
        }
        webhookUrl = null;
        webhookSet = false;
        faces.addMessage(null, SessionForms.info("notifications.webhook-removed"));
        return null;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    /** Whether a webhook is stored. */
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
        return deliveries.ofWebhook(account.id(), 20).stream()
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
}

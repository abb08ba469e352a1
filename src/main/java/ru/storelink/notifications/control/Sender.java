package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.storelink.accounts.entity.Account;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.healthcheck.control.HealthStore;
import ru.storelink.notifications.control.OutboxRows.Claimed;
import ru.storelink.notifications.entity.Channel;
import ru.storelink.notifications.entity.EventKind;
import ru.storelink.notifications.entity.NotificationSettings;

/**
 * Delivers the due outbox rows: claims one owner's rows at a time, drops those that no longer hold (the
 * connection healed or was deleted, the owner switched that kind off, a recovery whose break was never
 * told), waits out quiet hours (e-mail) and provider outages, sends the e-mail rows as one e-mail and each
 * webhook row as one POST. Marked sent only
 * after the SMTP server accepted it; a sender killed in between leaves its lease to expire, and the rows
 * are delivered again (at most once more per killed sender), with the same Message-ID.
 */
@ApplicationScoped
public class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class.getName());

    /** Owners served per claim; a sweep claims until nothing is due. */
    static final int OWNERS_PER_CLAIM = 10;

    /**
     * A webhook that has not taken an event for this long is given up, as Stripe and GitHub do; an e-mail
     * is tried until the server takes it (each attempt decides afresh whether it still holds).
     */
    static final Duration WEBHOOK_GIVEN_UP_AFTER = Duration.ofDays(3);

    /** A provider's outage is looked at again this often; its rows wait meanwhile. */
    static final Duration OUTAGE_HOLD = Duration.ofMinutes(1);

    private static final String INSTANCE = ProcessHandle.current().pid() + "/" + randomHex();

    @Inject
    OutboxRows rows;

    @Inject
    Preferences preferences;

    @Inject
    Services services;

    @Inject
    HealthStore health;

    @Inject
    ProviderOutages outages;

    @Inject
    MailComposer composer;

    @Inject
    Mailer mailer;

    @Inject
    Webhooks webhooks;

    @PersistenceContext
    EntityManager em;

    /** Delivers everything due now. @return how many e-mails went out */
    public int sendDue() {
        NotifySettings settings = NotifySettings.current();
        int sent = 0;
        while (true) {
            List<Claimed> claimed = rows.claim(OWNERS_PER_CLAIM, settings.digest(), settings.lease(), INSTANCE);
            if (claimed.isEmpty()) {
                return sent;
            }
            for (Claimed owner : claimed) {
                try {
                    sent += deliver(owner);
                } catch (RuntimeException e) {
                    // One owner's failure must not stop the others; their lease expires and they are tried again.
                    LOG.log(Level.WARNING, "Notifications of account " + owner.accountId() + " failed; tried again after their lease", e);
                }
            }
        }
    }

    private int deliver(Claimed owner) {
        NotificationSettings settings = preferences.of(owner.accountId());
        List<Pending> claimed = owner.rows();
        Optional<OffsetDateTime> quietEnd = NotificationRules.quietUntil(settings.getQuietFrom(), settings.getQuietUntil(),
                owner.now().atZoneSameInstant(ZoneOffset.UTC)).map(end -> end.toOffsetDateTime());
        if (quietEnd.isPresent()) {
            // Quiet hours are for people: e-mails wait, webhooks (for machines) do not.
            List<Pending> emails = claimed.stream().filter(row -> row.channel() == Channel.EMAIL).toList();
            rows.postponed(OutboxRows.ids(emails), INSTANCE, quietEnd.get());
            claimed = claimed.stream().filter(row -> row.channel() != Channel.EMAIL).toList();
        }
        Map<Long, String> dropped = new LinkedHashMap<>();
        List<Long> held = new ArrayList<>();
        Map<Pending, Telling> emails = new LinkedHashMap<>();
        Map<Pending, Telling> hooks = new LinkedHashMap<>();
        for (Pending row : claimed) {
            Optional<ConnectableService> service = services.byKey(row.service());
            if (service.isEmpty()) {
                dropped.put(row.id(), "the service is switched off");
                continue;
            }
            if (outages.isDown(service.get().type())) {
                held.add(row.id());
                continue;
            }
            Decision decision = decide(row, service.get(), settings, owner.now());
            if (decision.telling() == null) {
                dropped.put(row.id(), decision.dropped());
            } else if (row.channel() == Channel.EMAIL) {
                emails.put(row, decision.telling());
            } else {
                hooks.put(row, decision.telling());
            }
        }
        if (!dropped.isEmpty()) {
            rows.dropped(dropped, INSTANCE);
            LOG.fine(() -> "Notifications dropped: " + dropped);
        }
        rows.postponed(held, INSTANCE, owner.now().plus(OUTAGE_HOLD));
        int delivered = 0;
        for (Map.Entry<Pending, Telling> webhook : hooks.entrySet()) {
            List<Pending> one = List.of(webhook.getKey());
            try {
                webhooks.deliver(settings, webhook.getKey(), webhook.getValue());
                rows.sent(OutboxRows.ids(one), INSTANCE);
                delivered++;
            } catch (DeliveryFailed e) {
                failed(one, e, "Webhook delivery " + webhook.getKey().id() + " of account " + owner.accountId(), owner.now());
            }
        }
        if (emails.isEmpty()) {
            return delivered;
        }
        List<Pending> told = new ArrayList<>(emails.keySet());
        Account account = em.find(Account.class, owner.accountId());
        if (account == null) {
            // Deleted meanwhile: its rows went with it.
            return delivered;
        }
        Mail mail = composer.compose(owner.accountId(), account.getEmail(), new ArrayList<>(emails.values()), messageId(told));
        try {
            mailer.send(mail);
        } catch (DeliveryFailed e) {
            failed(told, e, "E-mail " + mail.messageId() + " to account " + owner.accountId(), owner.now());
            return delivered;
        }
        int marked = rows.sent(OutboxRows.ids(told), INSTANCE);
        if (marked < told.size()) {
            LOG.warning(() -> "E-mail " + mail.messageId() + " was delivered after its lease expired: another sender may repeat it");
        }
        LOG.info(() -> "E-mail " + mail.messageId() + " delivered to account " + owner.accountId() + ": " + told.size() + " notification(s)");
        return delivered + 1;
    }

    /** Tried again after the back-off, unless it cannot work or is a webhook event older than {@link #WEBHOOK_GIVEN_UP_AFTER}. */
    private void failed(List<Pending> told, DeliveryFailed e, String what, OffsetDateTime now) {
        boolean givingUp = !e.retryable() || told.stream().anyMatch(row -> row.channel() == Channel.WEBHOOK
                && row.occurredAt().plus(WEBHOOK_GIVEN_UP_AFTER).isBefore(now));
        if (givingUp) {
            Map<Long, String> undeliverable = new LinkedHashMap<>();
            String why = e.retryable() ? "given up after " + WEBHOOK_GIVEN_UP_AFTER.toDays() + " days: " + e.getMessage() : e.getMessage();
            told.forEach(row -> undeliverable.put(row.id(), why));
            rows.dropped(undeliverable, INSTANCE);
            LOG.warning(() -> what + " cannot be delivered: " + why);
        } else {
            rows.failed(told, INSTANCE, e.getMessage(), NotifySettings.current().firstRetry());
            LOG.warning(() -> what + " not delivered, tried again later: " + e.getMessage());
        }
    }

    /** Either what to tell, or why not. */
    private record Decision(Telling telling, String dropped) {

        static Decision drop(String why) {
            return new Decision(null, why);
        }
    }

    private Decision decide(Pending row, ConnectableService service, NotificationSettings settings, OffsetDateTime now) {
        if (row.channel() == Channel.EMAIL && !settings.emails(row.kind())) {
            return Decision.drop("the owner switched these e-mails off");
        }
        Optional<ConnectionStatus> state = health.state(service.type(), row.connectionId());
        if (state.isEmpty()) {
            return Decision.drop("the connection was deleted");
        }
        String details = service.store().of(row.accountId())
                .filter(connection -> connection.getId() == row.connectionId())
                .map(connection -> service.store().describe(connection))
                .orElse("");
        return switch (row.kind()) {
            case BROKEN, UNAVAILABLE -> {
                if (state.get() != row.to() || health.changedAfter(service.type(), row.connectionId(), row.occurredAt())) {
                    yield Decision.drop("no longer " + row.to());
                }
                yield new Decision(new Telling(row.kind(), service.type(), details, row.reason(), row.occurredAt(), row.occurredAt(),
                        Duration.between(row.occurredAt(), now)), null);
            }
            case RECOVERED -> {
                Optional<OffsetDateTime> brokeAt = health.stoppedWorking(service.type(), row.connectionId(), row.occurredAt());
                if (brokeAt.isEmpty() || !rows.breakTold(row.channel(), row.service(), row.connectionId(), brokeAt.get(), row.occurredAt())) {
                    yield Decision.drop("the owner was not told of the break");
                }
                yield new Decision(new Telling(EventKind.RECOVERED, service.type(), details, null, row.occurredAt(), brokeAt.get(),
                        Duration.between(brokeAt.get(), row.occurredAt())), null);
            }
        };
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The same rows make the same Message-ID, on every instance and every attempt. */
    private static String messageId(List<Pending> told) {
        return "notification-" + told.get(0).id() + "-" + told.size() + "@storelink";
    }
}

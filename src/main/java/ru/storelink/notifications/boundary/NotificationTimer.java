package ru.storelink.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.storelink.notifications.control.DemoMailbox;
import ru.storelink.notifications.control.Mailer;
import ru.storelink.notifications.control.NotifySettings;
import ru.storelink.notifications.control.OutboxRows;
import ru.storelink.notifications.control.Sender;

/**
 * Every two seconds on every instance, delivers the due notifications unless a delivery round is still
 * running here (the outbox's claims keep instances apart). Hourly, forgets finished outbox rows and demo
 * mails older than {@link #KEPT}. Says at start-up when e-mails cannot go anywhere.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class NotificationTimer {

    private static final Logger LOG = Logger.getLogger(NotificationTimer.class.getName());

    /** The settings page's delivery log and the demo mailbox look back this far. */
    static final Duration KEPT = Duration.ofDays(30);

    @Inject
    Sender sender;

    @Inject
    Mailer mailer;

    @Inject
    OutboxRows rows;

    @Inject
    DemoMailbox mailbox;

    @Resource
    ManagedThreadFactory threads;

    private final AtomicBoolean sending = new AtomicBoolean();
    private ExecutorService runner;

    @PostConstruct
    void start() {
        runner = Executors.newSingleThreadExecutor(threads);
        switch (mailer.route()) {
            case SMTP -> LOG.info("Notifications by e-mail through the configured SMTP server");
            case DEMO_MAILBOX -> LOG.info("No SMTP server configured (mail.smtp.host): demo mode keeps the e-mails in /demo/mail");
            case NONE -> LOG.warning("No SMTP server configured (mail.smtp.host, MAIL_SMTP_HOST): owners get no e-mail"
                    + " notifications until one is. The settings page says so too.");
        }
        NotifySettings settings = NotifySettings.current();
        if (settings.lease().compareTo(NotifySettings.LONGEST_DELIVERY) < 0) {
            LOG.warning(() -> "notify.lease-seconds=" + settings.lease().toSeconds() + " is shorter than a slow delivery may take ("
                    + NotifySettings.LONGEST_DELIVERY.toSeconds() + " s): another sender may repeat such an e-mail");
        }
    }

    /** Like the health checker's tick: no transaction, and the work on its own thread. */
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "notification tick")
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!sending.compareAndSet(false, true)) {
            return;
        }
        runner.execute(() -> {
            try {
                sender.sendDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Notification round failed; the next tick tries again", e);
            } finally {
                sending.set(false);
            }
        });
    }

    @Schedule(minute = "17", hour = "*", persistent = false, info = "notification purge")
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        try {
            int outbox = rows.purge(KEPT);
            int mails = mailbox.purge(KEPT);
            if (outbox + mails > 0) {
                LOG.info(() -> "Forgot " + outbox + " finished notification(s) and " + mails + " demo mail(s) older than " + KEPT.toDays() + " days");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification purge failed; the next hour tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}

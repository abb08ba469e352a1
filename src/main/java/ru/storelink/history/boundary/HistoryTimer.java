package ru.storelink.history.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.storelink.healthcheck.control.TransitionRetention;
import ru.storelink.history.control.DayRollups;
import ru.storelink.history.control.Strip;

/**
 * Every ten minutes on every instance: sums up the days that have closed (the roll-up's lock keeps
 * instances apart) and forgets the history older than {@code health-check.history-retention-days}.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class HistoryTimer {

    private static final Logger LOG = Logger.getLogger(HistoryTimer.class.getName());

    @Inject
    @ConfigProperty(name = "health-check.history-retention-days", defaultValue = "400")
    int retentionDays;

    @Inject
    DayRollups rollups;

    @Inject
    TransitionRetention transitions;

    private Duration retention;

    @PostConstruct
    void start() {
        if (retentionDays < Strip.DAYS + 1) {
            LOG.warning(() -> "health-check.history-retention-days=" + retentionDays + " would cut the " + Strip.DAYS
                    + "-day strip short: keeping " + (Strip.DAYS + 1) + " days");
        }
        retention = Duration.ofDays(Math.max(retentionDays, Strip.DAYS + 1));
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "health history roll-up")
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void rollUpAndPurge() {
        try {
            int days = rollups.rollUpClosedDays(retention);
            int rows = rollups.purge(retention);
            int forgotten = transitions.purge(retention);
            if (days + rows + forgotten > 0) {
                LOG.info(() -> "Health history: summed up " + days + " day(s); forgot " + rows + " day row(s) and " + forgotten
                        + " transition(s) older than " + retention.toDays() + " days");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Health history roll-up failed; the next run tries again", e);
        }
    }
}

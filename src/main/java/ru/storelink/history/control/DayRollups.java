package ru.storelink.history.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.database.DatabaseTime;
import ru.storelink.database.LocalTransaction;

/**
 * Sums up each closed day once: for every connection that changed state or had failed checks that day, the
 * time spent in each kind of state and the state it ended in. One day per transaction, the roll-up's row
 * locked meanwhile, so two instances never sum up the same day at once; a day is closed a while after
 * midnight, when no result of that day can still be in flight. Runs on the checker's pool, off the pages'.
 */
@ApplicationScoped
public class DayRollups {

    private static final Logger LOG = Logger.getLogger(DayRollups.class.getName());

    /** Longer than any result transaction takes (the result writer gives up after a minute). */
    static final Duration SETTLING = Duration.ofMinutes(10);

    /** Bounds one run: after an outage of the timer, the next runs catch up. */
    static final int MOST_DAYS_PER_RUN = 31;

    @Resource(lookup = DatabaseMigration.BACKGROUND_DATA_SOURCE)
    DataSource backgroundPool;

    @Inject
    CheckTimes times;

    private record Key(String service, long connectionId) {
    }

    private record Activity(long accountId, ConnectionStatus start, List<Transition> transitions) {
    }

    /** A day's count of failed-for-now checks of one connection. */
    private record Troubled(long accountId, int checks) {
    }

    /** The last day summed up; null before the first roll-up. */
    static LocalDate rolledThrough(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT rolled_through FROM history_rollup WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? row.getObject(1, LocalDate.class) : null;
        }
    }

    /**
     * Sums up the closed days not summed up yet, at most {@link #MOST_DAYS_PER_RUN}, none older than
     * {@code retention}.
     *
     * @return the days summed up
     */
    public int rollUpClosedDays(Duration retention) throws SQLException {
        int days = 0;
        try (Connection db = backgroundPool.getConnection()) {
            while (days < MOST_DAYS_PER_RUN && LocalTransaction.run(db, inIt -> rollUpNextDay(inIt, retention))) {
                days++;
            }
        }
        return days;
    }

    private boolean rollUpNextDay(Connection db, Duration retention) throws SQLException {
        LocalDate through;
        try (PreparedStatement lock = db.prepareStatement("SELECT rolled_through FROM history_rollup WHERE id = 1 FOR UPDATE");
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("history_rollup has no row: the migration V12 writes it");
            }
            through = row.getObject(1, LocalDate.class);
        }
        Instant now = DatabaseTime.now(db).toInstant();
        LocalDate closed = LocalDate.ofInstant(now.minus(SETTLING), times.zone()).minusDays(1);
        LocalDate oldestKept = LocalDate.ofInstant(now.minus(retention), times.zone());
        LocalDate next = through == null ? firstDayWithTransitions(db) : through.plusDays(1);
        if (next == null || next.isBefore(oldestKept)) {
            next = next == null ? closed : oldestKept;
        }
        if (next.isAfter(closed)) {
            return false;
        }
        int connections = rollUp(db, Day.of(next, times.zone()));
        try (PreparedStatement mark = db.prepareStatement("UPDATE history_rollup SET rolled_through = ? WHERE id = 1")) {
            mark.setObject(1, next);
            mark.executeUpdate();
        }
        LocalDate day = next;
        LOG.fine(() -> "Summed up " + day + ": " + connections + " connection(s) with events");
        return true;
    }

    private LocalDate firstDayWithTransitions(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT MIN(occurred_at) FROM connection_transition");
                ResultSet row = select.executeQuery()) {
            OffsetDateTime first = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
            return first == null ? null : LocalDate.ofInstant(first.toInstant(), times.zone());
        }
    }

    /** Sums up one day for every connection with events on it. */
    private int rollUp(Connection db, Day day) throws SQLException {
        Map<Key, Activity> active = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT service, connection_id, account_id, from_state, id, to_state,"
                + " occurred_at FROM connection_transition WHERE occurred_at >= ? AND occurred_at < ?"
                + " ORDER BY service, connection_id, occurred_at, id")) {
            select.setObject(1, OffsetDateTime.ofInstant(day.from(), ZoneOffset.UTC));
            select.setObject(2, OffsetDateTime.ofInstant(day.to(), ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Key key = new Key(rows.getString(1), rows.getLong(2));
                    long accountId = rows.getLong(3);
                    String from = rows.getString(4);
                    // The first transition of the day says how the day began.
                    Activity activity = active.computeIfAbsent(key, k -> new Activity(accountId,
                            from == null ? null : ConnectionStatus.valueOf(from), new ArrayList<>()));
                    activity.transitions().add(new Transition(rows.getLong(5), ConnectionStatus.valueOf(rows.getString(6)),
                            rows.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
        }
        Map<Key, Troubled> troubled = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT service, connection_id, account_id, troubled_checks"
                + " FROM connection_day WHERE local_day = ?")) {
            select.setObject(1, day.date());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    troubled.put(new Key(rows.getString(1), rows.getLong(2)), new Troubled(rows.getLong(3), rows.getInt(4)));
                }
            }
        }
        for (Map.Entry<Key, Troubled> quiet : troubled.entrySet()) {
            if (!active.containsKey(quiet.getKey())) {
                // Failed checks but no change: the whole day in the state it began with.
                active.put(quiet.getKey(), new Activity(quiet.getValue().accountId(),
                        HealthHistory.stateBefore(db, quiet.getKey().service(), quiet.getKey().connectionId(), day.from()), List.of()));
            }
        }
        try (PreparedStatement merge = db.prepareStatement("MERGE INTO connection_day d"
                + " USING (VALUES (CAST(? AS VARCHAR(10)), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT),"
                + " CAST(? AS INT), CAST(? AS INT), CAST(? AS INT), CAST(? AS VARCHAR(24))))"
                + " AS r (service, connection_id, local_day, account_id, working_seconds, unavailable_seconds, reconnect_seconds, end_state)"
                + " ON d.service = r.service AND d.connection_id = r.connection_id AND d.local_day = r.local_day"
                + " WHEN MATCHED THEN UPDATE SET working_seconds = r.working_seconds, unavailable_seconds = r.unavailable_seconds,"
                + " reconnect_seconds = r.reconnect_seconds, end_state = r.end_state"
                + " WHEN NOT MATCHED THEN INSERT (service, connection_id, local_day, account_id, working_seconds, unavailable_seconds,"
                + " reconnect_seconds, end_state) VALUES (r.service, r.connection_id, r.local_day, r.account_id, r.working_seconds,"
                + " r.unavailable_seconds, r.reconnect_seconds, r.end_state)")) {
            for (Map.Entry<Key, Activity> entry : active.entrySet()) {
                Activity activity = entry.getValue();
                DaySummary summary = DaySummary.of(day.date(), activity.start(), activity.transitions(),
                        troubled.containsKey(entry.getKey()) ? troubled.get(entry.getKey()).checks() : 0, day.from(), day.to());
                merge.setString(1, entry.getKey().service());
                merge.setLong(2, entry.getKey().connectionId());
                merge.setObject(3, day.date());
                merge.setLong(4, activity.accountId());
                merge.setInt(5, (int) summary.workingSeconds());
                merge.setInt(6, (int) summary.unavailableSeconds());
                merge.setInt(7, (int) summary.reconnectSeconds());
                merge.setString(8, summary.endState() == null ? null : summary.endState().name());
                merge.addBatch();
            }
            merge.executeBatch();
        }
        return active.size();
    }

    /** Forgets the days older than {@code retention}. @return the rows deleted */
    public int purge(Duration retention) throws SQLException {
        try (Connection db = backgroundPool.getConnection();
                PreparedStatement delete = db.prepareStatement("DELETE FROM connection_day WHERE local_day < ?")) {
            Instant now = DatabaseTime.now(db).toInstant();
            delete.setObject(1, LocalDate.ofInstant(now.minus(retention), times.zone()));
            return delete.executeUpdate();
        }
    }
}

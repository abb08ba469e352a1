package ru.storelink.history.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseMigration;

/**
 * Reads a connection's health over time for the pages. A strip costs at most four indexed queries whatever
 * the connection went through: the roll-up rows of the window (at most 30), the state at two moments, and
 * the transitions since the last roll-up (today's, and yesterday's for the first minutes of a day).
 */
@ApplicationScoped
public class HealthHistory {

    /** Incidents per page. */
    public static final int PAGE = 10;

    static final String INCIDENT_STATES = "('" + ConnectionStatus.NEEDS_RECONNECT.name() + "', '"
            + ConnectionStatus.SERVICE_UNAVAILABLE.name() + "')";

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    CheckTimes times;

    public ZoneId zone() {
        return times.zone();
    }

    /** The last {@link Strip#DAYS} days of the connection, today up to {@code now}. */
    public Strip strip(ServiceType service, long connectionId, Instant now) {
        List<Day> days = Day.lastDays(Strip.DAYS, now, zone());
        LocalDate first = days.get(0).date();
        try (Connection db = dataSource.getConnection()) {
            LocalDate rolledThrough = DayRollups.rolledThrough(db);
            LocalDate firstLive = rolledThrough == null || rolledThrough.isBefore(first) ? first : rolledThrough.plusDays(1);
            Instant liveFrom = Day.start(firstLive, zone());
            ConnectionStatus atStart = stateBefore(db, service.key(), connectionId, days.get(0).from());
            ConnectionStatus atFirstLive = firstLive.equals(first) ? atStart : stateBefore(db, service.key(), connectionId, liveFrom);
            return Strip.of(days, atStart, rows(db, service, connectionId, first), firstLive, atFirstLive,
                    transitionsFrom(db, service, connectionId, liveFrom));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the history of " + service.key() + " connection " + connectionId, e);
        }
    }

    /**
     * A page of the connection's incidents, newest first: those that began before the incident
     * {@code before} (null: the newest). One indexed query for the page and one per incident for its end.
     */
    public IncidentPage incidents(ServiceType service, long connectionId, Long before) {
        try (Connection db = dataSource.getConnection()) {
            List<Incident> found = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("SELECT id, to_state, occurred_at FROM connection_transition"
                    + " WHERE service = ? AND connection_id = ? AND id < ? AND to_state IN " + INCIDENT_STATES
                    + " ORDER BY id DESC FETCH FIRST " + (PAGE + 1) + " ROWS ONLY")) {
                select.setString(1, service.key());
                select.setLong(2, connectionId);
                select.setLong(3, before == null ? Long.MAX_VALUE : before);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Incident(rows.getLong(1), ConnectionStatus.valueOf(rows.getString(2)),
                                rows.getObject(3, OffsetDateTime.class).toInstant(), null));
                    }
                }
            }
            boolean more = found.size() > PAGE;
            List<Incident> page = new ArrayList<>();
            try (PreparedStatement end = db.prepareStatement("SELECT occurred_at FROM connection_transition"
                    + " WHERE service = ? AND connection_id = ? AND id > ? ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
                for (Incident incident : found.subList(0, Math.min(PAGE, found.size()))) {
                    end.setString(1, service.key());
                    end.setLong(2, connectionId);
                    end.setLong(3, incident.id());
                    try (ResultSet rows = end.executeQuery()) {
                        page.add(rows.next() ? new Incident(incident.id(), incident.state(), incident.from(),
                                rows.getObject(1, OffsetDateTime.class).toInstant()) : incident);
                    }
                }
            }
            return new IncidentPage(page, more ? page.get(page.size() - 1).id() : null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the incidents of " + service.key() + " connection " + connectionId, e);
        }
    }

    /** The state the connection was in just before {@code at}; null when it did not exist yet. */
    static ConnectionStatus stateBefore(Connection db, String service, long connectionId, Instant at) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT to_state FROM connection_transition"
                + " WHERE service = ? AND connection_id = ? AND occurred_at < ? ORDER BY occurred_at DESC, id DESC"
                + " FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, service);
            select.setLong(2, connectionId);
            select.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? ConnectionStatus.valueOf(rows.getString(1)) : null;
            }
        }
    }

    /** The transitions from {@code from} on, in time order. */
    static List<Transition> transitionsFrom(Connection db, ServiceType service, long connectionId, Instant from) throws SQLException {
        List<Transition> transitions = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id, to_state, occurred_at FROM connection_transition"
                + " WHERE service = ? AND connection_id = ? AND occurred_at >= ? ORDER BY occurred_at, id")) {
            select.setString(1, service.key());
            select.setLong(2, connectionId);
            select.setObject(3, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    transitions.add(new Transition(rows.getLong(1), ConnectionStatus.valueOf(rows.getString(2)),
                            rows.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return transitions;
    }

    private static Map<LocalDate, Strip.DayRow> rows(Connection db, ServiceType service, long connectionId, LocalDate from)
            throws SQLException {
        Map<LocalDate, Strip.DayRow> rows = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT local_day, troubled_checks, working_seconds, unavailable_seconds,"
                + " reconnect_seconds, end_state FROM connection_day WHERE service = ? AND connection_id = ? AND local_day >= ?")) {
            select.setString(1, service.key());
            select.setLong(2, connectionId);
            select.setObject(3, from);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    LocalDate day = found.getObject(1, LocalDate.class);
                    int troubled = found.getInt(2);
                    long working = found.getLong(3);
                    DaySummary rolledUp = found.wasNull() ? null : new DaySummary(day, working, found.getLong(4), found.getLong(5),
                            troubled, found.getString(6) == null ? null : ConnectionStatus.valueOf(found.getString(6)));
                    rows.put(day, new Strip.DayRow(troubled, rolledUp));
                }
            }
        }
        return rows;
    }
}

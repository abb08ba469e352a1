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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseMigration;

/**
 * Reads connections' health over time for the pages. The strips of a page cost three queries on one pooled
 * connection whatever the connections went through and however many cards it has: how far the days are
 * rolled up, the roll-up rows of the window (at most 30 per connection), and the state at two moments with the
 * transitions since the last roll-up (today's, and yesterday's for the first minutes of a day). Round trips
 * are most of a page's database cost: each borrowed connection is also checked for validity first.
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

    /** A connection whose strip a page shows. */
    public record Tracked(ServiceType service, long connectionId) {
    }

    /** The last {@link Strip#DAYS} days of the connection, today up to {@code now}. */
    public Strip strip(ServiceType service, long connectionId, Instant now) {
        Tracked tracked = new Tracked(service, connectionId);
        return strips(List.of(tracked), now).get(tracked);
    }

    /**
     * The strips of several connections (a dashboard's cards) from one pooled connection in three queries
     * whatever their number: the roll-up's progress, the roll-up rows of all of them, and for each the state at
     * two moments and the transitions since the last roll-up, as one UNION ALL of indexed reads.
     */
    public Map<Tracked, Strip> strips(List<Tracked> connections, Instant now) {
        Map<Tracked, Strip> strips = new LinkedHashMap<>();
        if (connections.isEmpty()) {
            return strips;
        }
        List<Day> days = Day.lastDays(Strip.DAYS, now, zone());
        LocalDate first = days.get(0).date();
        try (Connection db = dataSource.getConnection()) {
            LocalDate rolledThrough = DayRollups.rolledThrough(db);
            LocalDate firstLive = rolledThrough == null || rolledThrough.isBefore(first) ? first : rolledThrough.plusDays(1);
            Instant liveFrom = Day.start(firstLive, zone());
            List<Map<LocalDate, Strip.DayRow>> rows = rows(db, connections, first);
            List<Transitions> transitions = transitions(db, connections, days.get(0).from(), firstLive.equals(first) ? null : liveFrom);
            for (int i = 0; i < connections.size(); i++) {
                Transitions read = transitions.get(i);
                ConnectionStatus atFirstLive = firstLive.equals(first) ? read.atStart() : read.atFirstLive();
                strips.put(connections.get(i), Strip.of(days, read.atStart(), rows.get(i), firstLive, atFirstLive, read.live()));
            }
            return strips;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the history of " + connections, e);
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

    /** What a strip needs of one connection's transitions. */
    private record Transitions(ConnectionStatus atStart, ConnectionStatus atFirstLive, List<Transition> live) {
    }

    // The parts of the transitions' UNION ALL, one row each at most but the last.
    private static final int AT_START = 0;
    private static final int AT_FIRST_LIVE = 1;
    private static final int LIVE = 2;

    /**
     * For each connection: the state just before {@code start}, the state just before {@code liveFrom} (null:
     * the live days begin at the start), and the transitions from {@code liveFrom} on, in time order. Each
     * branch is a read of the index on (service, connection_id, occurred_at).
     */
    private static List<Transitions> transitions(Connection db, List<Tracked> connections, Instant start, Instant liveFrom)
            throws SQLException {
        String before = " AND occurred_at < ? ORDER BY occurred_at DESC, id DESC FETCH FIRST 1 ROWS ONLY)";
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < connections.size(); i++) {
            String from = "(SELECT " + i + " AS n, %d AS part, id, to_state, occurred_at FROM connection_transition"
                    + " WHERE service = ? AND connection_id = ?";
            sql.append(i == 0 ? "" : " UNION ALL ").append(from.formatted(AT_START)).append(before);
            if (liveFrom != null) {
                sql.append(" UNION ALL ").append(from.formatted(AT_FIRST_LIVE)).append(before);
            }
            sql.append(" UNION ALL ").append(from.formatted(LIVE)).append(" AND occurred_at >= ?)");
        }
        sql.append(" ORDER BY n, part, occurred_at, id");
        // Each connection's branches' bounds, in the branches' order.
        List<Instant> bounds = liveFrom == null ? List.of(start, start) : List.of(start, liveFrom, liveFrom);
        List<ConnectionStatus[]> states = new ArrayList<>();
        List<List<Transition>> since = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (Tracked connection : connections) {
                for (Instant at : bounds) {
                    select.setString(parameter++, connection.service().key());
                    select.setLong(parameter++, connection.connectionId());
                    select.setObject(parameter++, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                }
                states.add(new ConnectionStatus[2]);
                since.add(new ArrayList<>());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int n = rows.getInt(1);
                    ConnectionStatus state = ConnectionStatus.valueOf(rows.getString(4));
                    switch (rows.getInt(2)) {
                        case AT_START -> states.get(n)[0] = state;
                        case AT_FIRST_LIVE -> states.get(n)[1] = state;
                        default -> since.get(n).add(new Transition(rows.getLong(3), state, rows.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        }
        List<Transitions> read = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            read.add(new Transitions(states.get(i)[0], states.get(i)[1], since.get(i)));
        }
        return read;
    }

    /** Each connection's roll-up rows from {@code from} on, by day, in one UNION ALL of primary-key reads. */
    private static List<Map<LocalDate, Strip.DayRow>> rows(Connection db, List<Tracked> connections, LocalDate from) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < connections.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS n, local_day, troubled_checks,"
                    + " working_seconds, unavailable_seconds, reconnect_seconds, end_state FROM connection_day"
                    + " WHERE service = ? AND connection_id = ? AND local_day >= ?");
        }
        List<Map<LocalDate, Strip.DayRow>> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (Tracked connection : connections) {
                select.setString(parameter++, connection.service().key());
                select.setLong(parameter++, connection.connectionId());
                select.setObject(parameter++, from);
                rows.add(new HashMap<>());
            }
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    LocalDate day = found.getObject(2, LocalDate.class);
                    int troubled = found.getInt(3);
                    long working = found.getLong(4);
                    DaySummary rolledUp = found.wasNull() ? null : new DaySummary(day, working, found.getLong(5), found.getLong(6),
                            troubled, found.getString(7) == null ? null : ConnectionStatus.valueOf(found.getString(7)));
                    rows.get(found.getInt(1)).put(day, new Strip.DayRow(troubled, rolledUp));
                }
            }
        }
        return rows;
    }
}

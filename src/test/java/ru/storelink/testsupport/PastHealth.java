package ru.storelink.testsupport;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import ru.storelink.database.DatabaseMigration;

/**
 * Deployed with the tests only: gives an owner's Evotor connection a past, as if it had been connected 20
 * days ago, had its service unavailable for 47 minutes five days ago and needed a reconnect for 2 hours two
 * days ago. Written as the checker would have written the transitions (the health over time reads nothing else).
 */
public final class PastHealth {

    private PastHealth() {
    }

    public static void giveEvotorAPast(String email) {
        int status = TestServer.testSupport("past-health?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), "").statusCode();
        if (status != 204) {
            throw new IllegalStateException("past health answered " + status);
        }
    }

    /** {@code POST /test-support/past-health?email=…}. */
    @WebServlet("/test-support/past-health")
    public static class Endpoint extends HttpServlet {

        @Resource(lookup = DatabaseMigration.DATA_SOURCE)
        DataSource dataSource;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try (Connection db = dataSource.getConnection()) {
                long account;
                long connection;
                try (PreparedStatement find = db.prepareStatement("SELECT c.account_id, c.id FROM evotor_connection c"
                        + " JOIN account a ON a.id = c.account_id WHERE a.email = ?")) {
                    find.setString(1, request.getParameter("email"));
                    try (ResultSet row = find.executeQuery()) {
                        if (!row.next()) {
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                            return;
                        }
                        account = row.getLong(1);
                        connection = row.getLong(2);
                    }
                }
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement first = db.prepareStatement("UPDATE connection_transition SET occurred_at = ?"
                        + " WHERE service = 'evotor' AND connection_id = ? AND from_state IS NULL")) {
                    first.setObject(1, now.minusDays(20));
                    first.setLong(2, connection);
                    first.executeUpdate();
                }
                // Days already summed up would hide a past written after the fact: the roll-up starts again.
                try (PreparedStatement again = db.prepareStatement("UPDATE history_rollup SET rolled_through = NULL")) {
                    again.executeUpdate();
                }
                insert(db, account, connection, "WORKING", "SERVICE_UNAVAILABLE", now.minusDays(5));
                insert(db, account, connection, "SERVICE_UNAVAILABLE", "WORKING", now.minusDays(5).plus(Duration.ofMinutes(47)));
                insert(db, account, connection, "WORKING", "NEEDS_RECONNECT", now.minusDays(2));
                insert(db, account, connection, "NEEDS_RECONNECT", "WORKING", now.minusDays(2).plusHours(2));
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void insert(Connection db, long account, long connection, String from, String to, OffsetDateTime at)
                throws SQLException {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO connection_transition"
                    + " (account_id, service, connection_id, from_state, to_state, reason, occurred_at) VALUES (?, 'evotor', ?, ?, ?, NULL, ?)")) {
                insert.setLong(1, account);
                insert.setLong(2, connection);
                insert.setString(3, from);
                insert.setString(4, to);
                insert.setObject(5, at);
                insert.executeUpdate();
            }
        }
    }
}

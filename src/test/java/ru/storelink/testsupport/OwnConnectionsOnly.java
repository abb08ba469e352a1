package ru.storelink.testsupport;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.storelink.database.DatabaseMigration;

/**
 * For a test class that turns the checker on ({@link TestConfig#healthChecksEvery}): before it, every connection
 * the classes before it left in the suite's database is made not due for a day. Its tests then wait for sweeps
 * of their own connections, not for a backlog: with a 3 s interval every row of the suite falls due, and a first
 * sweep of 598 of them took 35 s, longer than a test's wait for its own third check.
 */
public final class OwnConnectionsOnly implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        int status = TestServer.testSupport("park-connections", "").statusCode();
        if (status != 204) {
            throw new IllegalStateException("parking the suite's connections answered " + status);
        }
    }

    /** {@code POST /test-support/park-connections}: every health row due a day from now at the earliest. */
    @WebServlet("/test-support/park-connections")
    public static class Endpoint extends HttpServlet {

        @Resource(lookup = DatabaseMigration.DATA_SOURCE)
        DataSource dataSource;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
            try (Connection db = dataSource.getConnection(); PreparedStatement park = db.prepareStatement(
                    "UPDATE connection_health SET scheduled_at = ? WHERE scheduled_at < ?")) {
                park.setObject(1, tomorrow);
                park.setObject(2, tomorrow);
                park.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }
}

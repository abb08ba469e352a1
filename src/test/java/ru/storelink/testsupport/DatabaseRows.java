package ru.storelink.testsupport;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import ru.storelink.database.DatabaseMigration;

/**
 * Deployed with the tests only: how many rows an owner has in a connection table, counted in the database
 * itself. Black-box tests use it where a page could hide a duplicate (the dashboard shows one card per
 * service, whatever the table holds).
 */
public final class DatabaseRows {

    private static final Set<String> TABLES = Set.of("evotor_connection", "vk_connection");

    private DatabaseRows() {
    }

    /** Rows of {@code table} ("evotor_connection", "vk_connection") belonging to the account {@code email}. */
    public static long ofOwner(String table, String email) {
        HttpResponse<String> response = TestServer.testSupport("rows?table=" + encode(table) + "&email=" + encode(email), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("row count answered " + response.statusCode());
        }
        return Long.parseLong(response.body().trim());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code GET /test-support/rows?table=…&email=…}: the count as plain text. */
    @WebServlet("/test-support/rows")
    public static class Endpoint extends HttpServlet {

        @Resource(lookup = DatabaseMigration.DATA_SOURCE)
        DataSource dataSource;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String table = request.getParameter("table");
            if (!TABLES.contains(table)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            try (Connection db = dataSource.getConnection(); PreparedStatement count = db.prepareStatement(
                    "SELECT COUNT(*) FROM " + table + " c JOIN account a ON a.id = c.account_id WHERE a.email = ?")) {
                count.setString(1, request.getParameter("email"));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    response.setContentType("text/plain");
                    response.getWriter().print(rows.getLong(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package ru.storelink.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the container: the schema is exactly what the Flyway migrations create. */
@ExtendWith(ArquillianExtension.class)
class MigrationsIT {

    private static final Pattern TABLE_CHANGE = Pattern.compile("(?i)CREATE TABLE(?: IF NOT EXISTS)?\\s+(\\w+)"
            + "|DROP TABLE(?: IF EXISTS)?\\s+(\\w+)|ALTER TABLE\\s+(\\w+)\\s+RENAME TO\\s+(\\w+)");

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void everyMigrationRanSuccessfully() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        // Flyway creates its table with quoted lower-case names, on H2 and PostgreSQL alike.
                        "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            Set<String> versions = new TreeSet<>();
            while (rows.next()) {
                assertTrue(rows.getBoolean("success"), "migration " + rows.getString("version") + " failed");
                versions.add(rows.getString("version"));
            }
            assertTrue(versions.containsAll(Set.of("1", "2")), "applied: " + versions);
        }
    }

    @Test
    void onlyMigrationsCreateTables() throws SQLException, IOException {
        Set<String> declared = tablesDeclaredInMigrations();
        declared.add("flyway_schema_history");
        Set<String> actual = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String schema = String.valueOf(tables.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                if (schema.equals("public")) {
                    actual.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertFalse(actual.isEmpty());
        // EclipseLink's DDL generation would add tables such as SEQUENCE; none may appear.
        assertEquals(declared, actual);
    }

    private Set<String> tablesDeclaredInMigrations() throws IOException {
        Set<String> tables = new TreeSet<>();
        for (MigrationInfo migration : Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).load().info().applied()) {
            // The product's migrations, and the test deployment's own (the test-only warehouse service).
            InputStream script = getClass().getClassLoader().getResourceAsStream("db/migration/" + migration.getScript());
            if (script == null) {
                script = getClass().getClassLoader().getResourceAsStream("db/test-migration/" + migration.getScript());
            }
            assertNotNull(script, "script of migration " + migration.getScript());
            try (InputStream in = script) {
                // In the script's order: a table may be created, renamed and dropped (V9 rebuilds one).
                Matcher matcher = TABLE_CHANGE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    if (matcher.group(1) != null) {
                        tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
                    } else if (matcher.group(2) != null) {
                        tables.remove(matcher.group(2).toLowerCase(Locale.ROOT));
                    } else {
                        tables.remove(matcher.group(3).toLowerCase(Locale.ROOT));
                        tables.add(matcher.group(4).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tables;
    }
}

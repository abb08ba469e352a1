package ru.storelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package writes another package's tables (README, "Layout"): every UPDATE, INSERT, DELETE and MERGE in main
 * code, SQL or JPQL, names a table or entity of its own package. A connection table is written by the
 * service's own entity or by the connections core, whose stores name the table of the service they serve
 * ({@code "UPDATE " + table}); nobody else builds a table name. ArchUnit sees imports, not SQL text, hence
 * a scan of the sources.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/ru/storelink");

    /** Tables written by SQL, and the top-level package that owns each (its migration created it). */
    private static final Map<String, String> TABLES = Map.of(
            "account", "accounts",
            "login_limit", "accounts",
            "connection_health", "healthcheck",
            "connection_check", "healthcheck",
            "connection_transition", "healthcheck",
            "notification", "notifications",
            "notification_settings", "notifications",
            "demo_mail", "notifications",
            "connection_day", "history",
            "history_rollup", "history");

    private static final Pattern WRITE = Pattern.compile("(?<!FOR |THEN )\\b(UPDATE|INSERT INTO|DELETE FROM|MERGE INTO)\\s+(\"\\s*\\+\\s*)?([A-Za-z_]+)");

    @Test
    void everyWriteNamesATableOfItsOwnPackage() throws IOException {
        List<String> foreign = new ArrayList<>();
        int writes = 0;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String feature = MAIN.relativize(source).getName(0).toString();
                Matcher write = WRITE.matcher(Files.readString(source));
                while (write.find()) {
                    writes++;
                    String owner = owner(write.group(2) != null, write.group(3));
                    if (!feature.equals(owner)) {
                        foreign.add(source + ": " + write.group() + " (belongs to " + owner + ")");
                    }
                }
            }
        }
        assertThat(writes).as("writes found: the scan still reads the code").isGreaterThan(5);
        assertThat(foreign).isEmpty();
    }

    @Test
    void theScanSeesAForeignWrite() {
        assertThat(owner(false, "connection_health")).isEqualTo("healthcheck");
        assertThat(owner(true, "table")).isEqualTo("connections");
        assertThat(owner(false, "EvotorConnection")).isEqualTo("evotor");
        assertThat(owner(false, "evotor_connection")).as("a service's table by name: nobody's").isEqualTo("(nobody)");
    }

    /** The package that may write {@code name}: a dynamic table name, a table, or a JPA entity. */
    private static String owner(boolean dynamic, String name) {
        if (dynamic) {
            return "connections";
        }
        if (TABLES.containsKey(name)) {
            return TABLES.get(name);
        }
        try (Stream<Path> sources = Files.walk(MAIN)) {
            return sources.filter(path -> path.getFileName().toString().equals(name + ".java"))
                    .filter(path -> path.getParent().getFileName().toString().equals("entity"))
                    .map(path -> MAIN.relativize(path).getName(0).toString())
                    .findFirst()
                    .orElse("(nobody)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

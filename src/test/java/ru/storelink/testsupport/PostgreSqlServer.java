package ru.storelink.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's Debian PostgreSQL cluster, driven with its own tools ({@code pg_ctlcluster}, {@code psql}
 * as the {@code postgres} user): a fresh database for a suite or a benchmark, and a real stop and start mid-run.
 */
public final class PostgreSqlServer {

    public static final String USER = "storelink_it";
    public static final String PASSWORD = "storelink_it";

    private final String version;
    private final String cluster;
    private final String database;

    private PostgreSqlServer(String version, String cluster, String database) {
        this.version = version;
        this.cluster = cluster;
        this.database = database;
    }

    /** The first cluster {@code pg_lsclusters} lists, started, with an empty {@code database}. */
    public static PostgreSqlServer withFreshDatabase(String database) throws IOException, InterruptedException {
        String[] first = run("pg_lsclusters", "--no-header").trim().split("\\s+");
        PostgreSqlServer server = new PostgreSqlServer(first[0], first[1], database);
        server.start();
        server.psql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN"
                + " CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
        server.psql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        server.psql("CREATE DATABASE " + database + " OWNER " + USER);
        return server;
    }

    /** Leaves the machine as it was: the suite's data is of no use afterwards. */
    public void dropDatabase() throws IOException, InterruptedException {
        psql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** Writes every dirty buffer now, so that a measurement that follows a bulk write does not share the machine with it. */
    public void checkpoint() throws IOException, InterruptedException {
        psql("CHECKPOINT");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** A fast shutdown: open sessions are cut, as when the database host restarts. */
    public void stop() throws IOException, InterruptedException {
        run("pg_ctlcluster", version, cluster, "stop", "-m", "fast");
    }

    public void start() throws IOException, InterruptedException {
        String status = run("pg_lsclusters", "--no-header", version, cluster);
        if (!status.contains("online")) {
            run("pg_ctlcluster", version, cluster, "start");
        }
    }

    private void psql(String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asPostgres());
        command.addAll(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql));
        run(command.toArray(String[]::new));
    }

    /** Root switches user without a password; anyone else needs sudo. */
    private static List<String> asPostgres() {
        return "root".equals(System.getProperty("user.name"))
                ? List.of("runuser", "-u", "postgres", "--")
                : List.of("sudo", "-u", "postgres");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}

package ru.storelink.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database.
 *
 * <p>The schema comes only from the Flyway scripts in {@code db/migration}; EclipseLink's DDL generation is
 * off, so the same scripts build H2 and PostgreSQL. The data source reads its coordinates from MicroProfile
 * Config, which is why switching to PostgreSQL needs configuration only, no rebuild. Other start-up beans
 * that use the database declare {@code @DependsOn("DatabaseMigration")}.
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = DatabaseMigration.DATA_SOURCE,
                className = "${MPCONFIG=db.datasource-class}",
                url = "${MPCONFIG=db.url}",
                user = "${MPCONFIG=db.user}",
                password = "${MPCONFIG=db.password}",
                minPoolSize = 2,
                maxPoolSize = 32,
                properties = {
                        DatabaseMigration.VALIDATED, DatabaseMigration.VALIDATED_BY, DatabaseMigration.VALIDATION_CLASS,
                        DatabaseMigration.DROP_ALL_ON_FAILURE, DatabaseMigration.LONGEST_WAIT, DatabaseMigration.VALIDATED_AT_MOST_EVERY
                }),
        // The background workers' own few connections (the health checker's claims, backlog gauges and result
        // writer; the notification senders' outbox): page traffic that takes every connection of the pool above
        // never holds up a check or a notification, and they never take a page's connection.
        @DataSourceDefinition(
                name = DatabaseMigration.BACKGROUND_DATA_SOURCE,
                className = "${MPCONFIG=db.datasource-class}",
                url = "${MPCONFIG=db.url}",
                user = "${MPCONFIG=db.user}",
                password = "${MPCONFIG=db.password}",
                minPoolSize = 1,
                maxPoolSize = 8,
                properties = {
                        DatabaseMigration.VALIDATED, DatabaseMigration.VALIDATED_BY, DatabaseMigration.VALIDATION_CLASS,
                        DatabaseMigration.DROP_ALL_ON_FAILURE, DatabaseMigration.LONGEST_WAIT, DatabaseMigration.VALIDATED_AT_MOST_EVERY
                })
})
@Startup
@Singleton
@DependsOn("DeploymentCheck")
// Flyway commits each migration itself; a container transaction around it would only get in the way.
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/storelink";

    /** The background workers' own pool (same database): the health checker's and the notification senders'. */
    public static final String BACKGROUND_DATA_SOURCE = "java:app/jdbc/storelink-background";

    // Both pools: after a database restart every pooled connection is dead. Each one is checked
    // (Connection.isValid) before use, and one failed check discards the whole pool, so the application
    // recovers by itself instead of failing on stale connections one by one.
    static final String VALIDATED = "fish.payara.is-connection-validation-required=true";
    static final String VALIDATED_BY = "fish.payara.connection-validation-method=custom-validation";
    static final String VALIDATION_CLASS = "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
    static final String DROP_ALL_ON_FAILURE = "fish.payara.fail-all-connections=true";
    // ... but at most once in 2 s per connection: checked at every checkout, the check and its round trip
    // were about 8 % of the dashboard's server CPU (three checkouts per page; async-profiler) and more of its
    // refresh's. The price: for up to 2 s after the database is back a request may still meet a dead
    // connection (our error page, as while the database is away) before the next check discards the pool.
    static final String VALIDATED_AT_MOST_EVERY = "fish.payara.validate-atmost-once-period-in-seconds=2";
    // While the database is away a request waits at most this long for a connection, then the visitor gets
    // the error page instead of a hanging browser (Payara's default is 60 s). The load-and-fault suite
    // measures both sides: no failure under load, failures within ~5 s.
    static final String LONGEST_WAIT = "fish.payara.max-wait-time-in-millis=5000";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway flyway = rules(Flyway.configure(getClass().getClassLoader()))
                .dataSource(dataSource)
                .locations(ConfigProvider.getConfig().getOptionalValue("db.migration-locations", String[].class)
                        .orElse(new String[] {"classpath:db/migration"}))
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migrations applied now, " + result.database + ")");
    }

    /**
     * A repeatable migration that was applied from a location this deployment does not have (a service's own,
     * which another instance or an earlier deployment had) does not stop the start; a missing versioned
     * migration still does: the product's own schema history must be complete.
     */
    static FluentConfiguration rules(FluentConfiguration configuration) {
        return configuration.ignoreMigrationPatterns("repeatable:missing");
    }
}

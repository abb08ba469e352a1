package ru.storelink.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.healthcheck.control.TemporaryFailures;

/**
 * Counts the checks that failed for now on their connection's day, in the transaction that writes them:
 * the strip's amber. One upsert per failed check; a connection that works costs nothing here.
 */
@ApplicationScoped
public class TroubledDays {

    @Inject
    CheckTimes times;

    void count(@Observes TemporaryFailures written) {
        try (PreparedStatement merge = written.db().prepareStatement("MERGE INTO connection_day d"
                + " USING (VALUES (CAST(? AS VARCHAR(10)), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT)))"
                + " AS f (service, connection_id, local_day, account_id)"
                + " ON d.service = f.service AND d.connection_id = f.connection_id AND d.local_day = f.local_day"
                + " WHEN MATCHED THEN UPDATE SET troubled_checks = d.troubled_checks + 1"
                + " WHEN NOT MATCHED THEN INSERT (service, connection_id, local_day, account_id, troubled_checks)"
                + " VALUES (f.service, f.connection_id, f.local_day, f.account_id, 1)")) {
            for (TemporaryFailures.Failure failure : written.failures()) {
                merge.setString(1, failure.service().key());
                merge.setLong(2, failure.connectionId());
                merge.setObject(3, LocalDate.ofInstant(failure.at().toInstant(), times.zone()));
                merge.setLong(4, failure.accountId());
                merge.addBatch();
            }
            merge.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count temporary failures", e);
        }
    }
}

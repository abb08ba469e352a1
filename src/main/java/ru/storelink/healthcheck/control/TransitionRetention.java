package ru.storelink.healthcheck.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.database.DatabaseTime;

/**
 * Forgets transitions older than the history's retention, except, for a connection that still exists, the
 * newest of them: it says which state the connection has been in since (a connection that has worked for
 * two years without a change still shows green days).
 */
@ApplicationScoped
public class TransitionRetention {

    @Resource(lookup = DatabaseMigration.BACKGROUND_DATA_SOURCE)
    DataSource backgroundPool;

    /** @return the transitions forgotten */
    public int purge(Duration retention) throws SQLException {
        try (Connection db = backgroundPool.getConnection();
                PreparedStatement delete = db.prepareStatement("DELETE FROM connection_transition t WHERE t.occurred_at < ?"
                        + " AND (NOT EXISTS (SELECT 1 FROM connection_health h"
                        + "                  WHERE h.service = t.service AND h.connection_id = t.connection_id)"
                        + "      OR EXISTS (SELECT 1 FROM connection_transition n WHERE n.service = t.service"
                        + "                 AND n.connection_id = t.connection_id AND n.occurred_at < ? AND n.id > t.id))")) {
            OffsetDateTime cutoff = DatabaseTime.now(db).minus(retention);
            delete.setObject(1, cutoff);
            delete.setObject(2, cutoff);
            return delete.executeUpdate();
        }
    }
}

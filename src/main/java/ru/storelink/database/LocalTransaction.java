package ru.storelink.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A transaction of one plain JDBC connection outside JTA (the health checker's own pool): committed when
 * the work returns, rolled back when it throws, and the connection handed back to its pool in auto-commit.
 */
public final class LocalTransaction {

    private LocalTransaction() {
    }

    /** The work of one transaction. */
    public interface Work<T> {
        T in(Connection db) throws SQLException;
    }

    public static <T> T run(Connection db, Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.in(db);
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }
}

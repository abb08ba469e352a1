package ru.storelink.database;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The database's clock, so that instances with different clocks agree on leases and due times, and the
 * timestamp values native queries return (their Java type differs between H2 and PostgreSQL), in UTC.
 */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    public static OffsetDateTime now(EntityManager em) {
        return of(em.createNativeQuery("SELECT CURRENT_TIMESTAMP").getSingleResult());
    }

    /** The same on a plain JDBC connection (the health checker's own pool). */
    public static OffsetDateTime now(Connection db) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet row = query.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            row.next();
            return of(row.getObject(1));
        }
    }

    public static OffsetDateTime of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}

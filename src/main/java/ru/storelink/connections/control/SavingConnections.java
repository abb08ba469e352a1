package ru.storelink.connections.control;

import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/** Saving a connection when two callbacks of one owner race (a double click on «Подключить»). */
public final class SavingConnections {

    private SavingConnections() {
    }

    /**
     * The first insert wins through the unique constraint on account_id; the second attempt then finds
     * that row and updates it, so the owner still has exactly one connection.
     */
    public static <T> T retryingOnce(Supplier<T> save) {
        try {
            return save.get();
        } catch (PersistenceException e) {
            return save.get();
        }
    }
}

package ru.storelink.history.control;

import java.time.Instant;
import ru.storelink.connections.entity.ConnectionStatus;

/**
 * A period in which a connection did not work: its service unavailable, or waiting for the owner to
 * reconnect. {@code until} is null while it lasts; {@code id} is the transition that began it.
 */
public record Incident(long id, ConnectionStatus state, Instant from, Instant until) {

    public boolean ongoing() {
        return until == null;
    }
}

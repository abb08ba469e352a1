package ru.storelink.history.control;

import java.time.Instant;
import ru.storelink.connections.entity.ConnectionStatus;

/** A connection's change of state, as far as its history needs it: into which state, and when. */
public record Transition(long id, ConnectionStatus to, Instant at) {
}

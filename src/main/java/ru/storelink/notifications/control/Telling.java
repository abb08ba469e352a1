package ru.storelink.notifications.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.notifications.entity.EventKind;
import ru.storelink.texts.Message;

/**
 * A notification that still holds, with what its e-mail says.
 *
 * @param details   the store or profile, as the card names it (empty when the connection has none)
 * @param since     when the break began: the transition into the state ({@code UNAVAILABLE}) or out of
 *                  «Работает» ({@code RECOVERED})
 * @param lasted    how long the state has lasted ({@code UNAVAILABLE}) or did last ({@code RECOVERED})
 */
public record Telling(EventKind kind, ServiceType service, String details, Message reason, OffsetDateTime occurredAt,
        OffsetDateTime since, Duration lasted) {
}

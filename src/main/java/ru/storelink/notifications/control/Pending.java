package ru.storelink.notifications.control;

import java.time.OffsetDateTime;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.notifications.entity.Channel;
import ru.storelink.notifications.entity.EventKind;
import ru.storelink.texts.Message;

/** An outbox row a sender has claimed: the transition it tells of, and how often it was tried. */
public record Pending(long id, long accountId, Channel channel, EventKind kind, String service, long connectionId, ConnectionStatus from,
        ConnectionStatus to, Message reason, OffsetDateTime occurredAt, int attempts) {
}

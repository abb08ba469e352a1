package ru.storelink.notifications.entity;

/** How a notification reaches its owner; each channel's outbox row is delivered and retried on its own. */
public enum Channel {

    /** To the account's address; an owner's e-mail rows due together go out as one e-mail. */
    EMAIL,
    /** A signed JSON POST to the owner's HTTPS URL, one per event, at once (no digest, no quiet hours: it is for machines). */
    WEBHOOK
}

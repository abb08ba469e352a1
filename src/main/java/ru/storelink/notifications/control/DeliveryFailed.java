package ru.storelink.notifications.control;

/**
 * A notification not delivered, with a reason fit for the log and the outbox row (never a password or a
 * secret). {@code retryable}: the same delivery may work later (a server down, a timeout, a 5xx).
 */
public final class DeliveryFailed extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public DeliveryFailed(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}

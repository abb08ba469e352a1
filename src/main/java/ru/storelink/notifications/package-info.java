/**
 * Owners are told when a connection breaks, stays unavailable, and recovers (issue 12): an outbox row per
 * notification, written in the transaction of the state change it tells of ({@code healthcheck}'s
 * {@code StateChanges}); senders on every instance claim the due rows, decide whether each still holds,
 * gather one owner's rows into one e-mail, and deliver it over SMTP, or into demo mode's mailbox.
 * The owner chooses what to receive on {@code /notifications}.
 */
package ru.storelink.notifications;

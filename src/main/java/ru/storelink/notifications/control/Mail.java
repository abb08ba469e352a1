package ru.storelink.notifications.control;

/**
 * One e-mail to an owner, in plain text and in simple HTML that say the same.
 *
 * @param action    the button's words and address; the text has the address too
 * @param messageId the Message-ID header (without brackets): the same for a repeated delivery of the same
 *                  outbox rows, so a repetition can be counted
 */
public record Mail(long accountId, String to, String subject, String text, String html, Action action, String messageId) {

    public record Action(String label, String url) {
    }
}

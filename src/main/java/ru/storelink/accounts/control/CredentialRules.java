package ru.storelink.accounts.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import ru.storelink.texts.Message;

/**
 * The rules an email address and a password must follow, with the Russian message shown for each broken
 * rule. Pure functions, so every rule is covered by plain unit tests; the pages only display the result.
 */
public final class CredentialRules {

    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PASSWORD_MIN_LENGTH = 8;
    public static final int PASSWORD_MAX_LENGTH = 128;

    /*
     * Deliberately simple: one '@', no whitespace, no characters that only appear in injection attempts
     * (<, >, quotes, brackets, ...), and a dot in the domain. Letters of any script are allowed (.рф).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s<>()\\[\\]\\\\,;:\"'`]+@[^@\\s<>()\\[\\]\\\\,;:\"'`.]+(\\.[^@\\s<>()\\[\\]\\\\,;:\"'`.]+)+");

    private CredentialRules() {
    }

    /** Trimmed and lower-cased, so that one address is one account whatever its spelling. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Message> emailProblem(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.isEmpty()) {
            return Optional.of(Message.of("account.email-missing"));
        }
        if (normalized.length() > EMAIL_MAX_LENGTH) {
            return Optional.of(Message.of("account.email-too-long", EMAIL_MAX_LENGTH));
        }
        if (!EMAIL.matcher(normalized).matches()) {
            return Optional.of(Message.of("account.email-malformed"));
        }
        return Optional.empty();
    }

    public static Optional<Message> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of(Message.of("account.password-missing"));
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN_LENGTH) {
            return Optional.of(Message.of("account.password-too-short", PASSWORD_MIN_LENGTH));
        }
        if (length > PASSWORD_MAX_LENGTH) {
            return Optional.of(Message.of("account.password-too-long", PASSWORD_MAX_LENGTH));
        }
        return Optional.empty();
    }

    public static Optional<Message> confirmationProblem(String password, String confirmation) {
        if (confirmation == null || confirmation.isEmpty()) {
            return Optional.of(Message.of("account.confirmation-missing"));
        }
        if (!confirmation.equals(password)) {
            return Optional.of(Message.of("account.confirmation-differs"));
        }
        return Optional.empty();
    }

    /** Whether a login attempt is worth checking against the store at all. */
    public static boolean plausibleLogin(String email, String password) {
        return emailProblem(email).isEmpty()
                && password != null && !password.isEmpty()
                && password.length() <= PASSWORD_MAX_LENGTH * 2;
    }
}

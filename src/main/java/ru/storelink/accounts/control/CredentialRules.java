package ru.storelink.accounts.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

    public static Optional<String> emailProblem(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.isEmpty()) {
            return Optional.of("Введите адрес электронной почты.");
        }
        if (normalized.length() > EMAIL_MAX_LENGTH) {
            return Optional.of("Адрес электронной почты слишком длинный: не больше "
                    + EMAIL_MAX_LENGTH + " символов.");
        }
        if (!EMAIL.matcher(normalized).matches()) {
            return Optional.of("Введите адрес электронной почты в виде name@example.ru.");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Введите пароль.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN_LENGTH) {
            return Optional.of("Пароль слишком короткий: не меньше " + PASSWORD_MIN_LENGTH + " символов.");
        }
        if (length > PASSWORD_MAX_LENGTH) {
            return Optional.of("Пароль слишком длинный: не больше " + PASSWORD_MAX_LENGTH + " символов.");
        }
        return Optional.empty();
    }

    public static Optional<String> confirmationProblem(String password, String confirmation) {
        if (confirmation == null || confirmation.isEmpty()) {
            return Optional.of("Повторите пароль.");
        }
        if (!confirmation.equals(password)) {
            return Optional.of("Пароли не совпадают.");
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

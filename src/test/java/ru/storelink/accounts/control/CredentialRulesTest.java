package ru.storelink.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.storelink.texts.Message;

class CredentialRulesTest {

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(CredentialRules.normalizeEmail("  Shop.Owner@Example.RU ")).isEqualTo("shop.owner@example.ru");
        assertThat(CredentialRules.normalizeEmail(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner@example.ru", "a.b+tag@sub.example.com", "магазин@пример.рф", " Owner@Example.ru "})
    void acceptsOrdinaryAddresses(String email) {
        assertThat(CredentialRules.emailProblem(email)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingEmailAsksForOne(String email) {
        assertThat(CredentialRules.emailProblem(email)).contains(Message.of("account.email-missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "owner@", "@example.ru", "owner@example", "a@b@example.ru",
            "<script>alert(1)</script>@example.ru", "owner@exa<script>mple.ru", "own er@example.ru",
            "' OR '1'='1@example.ru", "owner@example.ru'; DROP TABLE account; --", "owner@.ru"})
    void rejectsMalformedAndHostileAddresses(String email) {
        assertThat(CredentialRules.emailProblem(email))
                .contains(Message.of("account.email-malformed"));
    }

    @Test
    void rejectsOverlongEmailWithItsOwnMessage() {
        String email = "a".repeat(10_000) + "@example.ru";
        assertThat(CredentialRules.emailProblem(email)).contains(Message.of("account.email-too-long", 254));
        String longest = "a".repeat(254 - "@example.ru".length()) + "@example.ru";
        assertThat(CredentialRules.emailProblem(longest)).isEmpty();
        assertThat(CredentialRules.emailProblem("a" + longest)).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordAsksForOne(String password) {
        assertThat(CredentialRules.passwordProblem(password)).contains(Message.of("account.password-missing"));
    }

    @Test
    void passwordLengthIsEightToHundredTwentyEight() {
        assertThat(CredentialRules.passwordProblem("1234567"))
                .contains(Message.of("account.password-too-short", 8));
        assertThat(CredentialRules.passwordProblem("12345678")).isEmpty();
        assertThat(CredentialRules.passwordProblem("x".repeat(128))).isEmpty();
        assertThat(CredentialRules.passwordProblem("x".repeat(129)))
                .contains(Message.of("account.password-too-long", 128));
        assertThat(CredentialRules.passwordProblem("x".repeat(10_000)))
                .contains(Message.of("account.password-too-long", 128));
    }

    @Test
    void passwordLengthCountsCharactersNotUtf16Units() {
        // Eight emoji are 16 UTF-16 units but eight characters.
        assertThat(CredentialRules.passwordProblem("😀".repeat(8))).isEmpty();
        assertThat(CredentialRules.passwordProblem("😀".repeat(7))).isPresent();
    }

    @Test
    void confirmationMustMatch() {
        assertThat(CredentialRules.confirmationProblem("secret-password", "secret-password")).isEmpty();
        assertThat(CredentialRules.confirmationProblem("secret-password", "secret-passwort"))
                .contains(Message.of("account.confirmation-differs"));
        assertThat(CredentialRules.confirmationProblem("secret-password", "")).contains(Message.of("account.confirmation-missing"));
    }

    @Test
    void implausibleLoginsAreNotWorthAHash() {
        assertThat(CredentialRules.plausibleLogin("owner@example.ru", "any password")).isTrue();
        assertThat(CredentialRules.plausibleLogin("owner@example.ru", "")).isFalse();
        assertThat(CredentialRules.plausibleLogin("owner@example.ru", "x".repeat(10_000))).isFalse();
        assertThat(CredentialRules.plausibleLogin("not an email", "any password")).isFalse();
    }
}

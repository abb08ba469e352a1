package ru.storelink.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RefreshPassesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final RefreshPasses passes = new RefreshPasses(key(1));

    @Test
    void aPassStandsForItsAccountUntilItExpires() {
        String pass = passes.issue(42, NOW.plus(Duration.ofMinutes(30)));

        assertThat(passes.accountOf(pass, NOW)).hasValue(42);
        assertThat(passes.accountOf(pass, NOW.plus(Duration.ofMinutes(29)))).hasValue(42);
        assertThat(passes.accountOf(pass, NOW.plus(Duration.ofMinutes(30)))).as("expired").isEmpty();
    }

    @Test
    void anAlteredOrForeignPassIsRefused() {
        String pass = passes.issue(42, NOW.plus(Duration.ofMinutes(30)));
        String[] parts = pass.split("\\.");

        assertThat(passes.accountOf("43." + parts[1] + "." + parts[2], NOW)).as("another account").isEmpty();
        assertThat(passes.accountOf(parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2], NOW)).as("later expiry").isEmpty();
        char last = parts[2].charAt(parts[2].length() - 1);
        assertThat(passes.accountOf(pass.substring(0, pass.length() - 1) + (last == 'A' ? 'B' : 'A'), NOW)).as("signature").isEmpty();
        assertThat(new RefreshPasses(key(2)).accountOf(pass, NOW)).as("another key").isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        String valid = passes.issue(42, NOW.plus(Duration.ofMinutes(30)));
        for (String garbage : new String[] {null, "", "Bearer " + valid, valid + ".", " " + valid, "42", "42.1.x",
                "-42." + valid.substring(3), "0" + valid, "99999999999999999999.1." + valid.split("\\.")[2],
                "42.99999999999." + valid.split("\\.")[2], "<script>.1.2", "42.1." + "a".repeat(4000)}) {
            assertThat(passes.accountOf(garbage, NOW)).as(String.valueOf(garbage)).isEqualTo(OptionalLong.empty());
        }
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}

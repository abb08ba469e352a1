package ru.storelink.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import ru.storelink.accounts.control.SessionLifetime.End;

class SessionLifetimeTest {

    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(12), Duration.ofMinutes(30));

    @Test
    void aSessionInUseGoesOn() {
        assertThat(lifetime.endAt(0, 11 * HOUR, 11 * HOUR + 29 * MINUTE)).isEqualTo(End.NONE);
    }

    @Test
    void thirtyMinutesWithoutAnOwnRequestEndIt() {
        assertThat(lifetime.endAt(0, HOUR, HOUR + 30 * MINUTE)).isEqualTo(End.IDLE);
    }

    @Test
    void aSessionEndsAtItsIdleOrItsAbsoluteLimitWhicheverComesFirst() {
        assertThat(lifetime.endsAt(0, HOUR)).isEqualTo(HOUR + 30 * MINUTE);
        assertThat(lifetime.endsAt(0, 11 * HOUR + 45 * MINUTE)).isEqualTo(12 * HOUR);
        long end = lifetime.endsAt(0, 3 * HOUR);
        assertThat(lifetime.endAt(0, 3 * HOUR, end - 1)).isEqualTo(End.NONE);
        assertThat(lifetime.endAt(0, 3 * HOUR, end)).isEqualTo(End.IDLE);
    }

    @Test
    void twelveHoursAfterSignInEndItHoweverActiveTheOwnerIs() {
        assertThat(lifetime.endAt(0, 12 * HOUR - 1, 12 * HOUR)).isEqualTo(End.ABSOLUTE);
    }

    @Test
    void settingsMayBeDecimal() {
        assertThat(SessionLifetime.millis("12", HOUR)).isEqualTo(12 * HOUR);
        assertThat(SessionLifetime.millis(" 0.5 ", MINUTE)).isEqualTo(30_000L);
        assertThat(SessionLifetime.millis("0.00001", MINUTE)).isEqualTo(1L);
        assertThatIllegalArgumentException().isThrownBy(() -> SessionLifetime.millis("twelve", HOUR));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLifetime(Duration.ZERO, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLifetime(Duration.ofHours(1), Duration.ofMinutes(-1)));
    }
}

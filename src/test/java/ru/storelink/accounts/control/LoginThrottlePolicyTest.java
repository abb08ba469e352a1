package ru.storelink.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import ru.storelink.accounts.control.LoginThrottlePolicy.State;

class LoginThrottlePolicyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);
    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(15));

    @Test
    void failuresBelowTheLimitOnlyCount() {
        State state = policy.afterFailure(State.CLEAR, NOW);
        state = policy.afterFailure(state, NOW);
        assertThat(state.failures()).isEqualTo(2);
        assertThat(state.windowEnds()).isEqualTo(NOW.plusMinutes(10));
        assertThat(state.lockedAt(NOW)).isFalse();
    }

    @Test
    void reachingTheLimitLocksForTheLockout() {
        State state = State.CLEAR;
        for (int i = 0; i < 3; i++) {
            state = policy.afterFailure(state, NOW);
        }
        assertThat(state.lockedUntil()).isEqualTo(NOW.plusMinutes(15));
        assertThat(state.lockedAt(NOW.plusMinutes(14))).isTrue();
        assertThat(state.lockedAt(NOW.plusMinutes(15))).isFalse();
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        State state = policy.afterFailure(policy.afterFailure(State.CLEAR, NOW), NOW);

        State later = policy.afterFailure(state, NOW.plusMinutes(10));

        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.windowEnds()).isEqualTo(NOW.plusMinutes(20));
        assertThat(later.lockedAt(NOW.plusMinutes(10))).isFalse();
    }

    @Test
    void failuresDuringTheLockDoNotExtendIt() {
        State locked = new State(0, null, NOW.plusMinutes(10));
        assertThat(policy.afterFailure(locked, NOW)).isEqualTo(locked);
    }

    @Test
    void afterTheLockTheFullNumberOfAttemptsIsBack() {
        State expired = new State(0, null, NOW.minusSeconds(1));
        State state = policy.afterFailure(expired, NOW);
        assertThat(state.failures()).isEqualTo(1);
        assertThat(state.lockedAt(NOW)).isFalse();
    }

    @Test
    void aCorrectPasswordClearsTheCount() {
        State twoWrong = policy.afterFailure(policy.afterFailure(State.CLEAR, NOW), NOW);

        assertThat(policy.afterSuccess(twoWrong, null, NOW)).isEqualTo(State.CLEAR);
    }

    @Test
    void aCorrectPasswordDoesNotLiftALockThatAnotherAttemptSet() {
        State locked = new State(0, null, NOW.plusMinutes(15));

        assertThat(policy.afterSuccess(locked, null, NOW)).isEqualTo(locked);
        assertThat(policy.afterSuccess(locked, NOW.plusMinutes(14), NOW)).isEqualTo(locked);
    }

    @Test
    void theAttemptThatSetTheLockLiftsItWhenItsPasswordWasRight() {
        // Sequentially: two wrong passwords, then the right one as the third (last allowed) attempt.
        State third = policy.afterFailure(policy.afterFailure(policy.afterFailure(State.CLEAR, NOW), NOW), NOW);

        assertThat(policy.afterSuccess(third, third.lockedUntil(), NOW)).isEqualTo(State.CLEAR);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottlePolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottlePolicy(5, Duration.ZERO, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottlePolicy(5, Duration.ofMinutes(1), Duration.ZERO));
    }
}

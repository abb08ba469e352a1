package ru.storelink.healthcheck.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.vk.control.VkService;

class HealthCheckSettingsTest {

    private static final Duration WORST_CALL = Duration.ofSeconds(22);

    @Test
    void theDefaultLeaseCoversAWorstCaseCheckWithTheDefaultTimeouts() {
        // Defaults: total 12 s + read 10 s per call, three calls, 10 s margin = 76 s < 120 s.
        assertThat(HealthCheckSettings.minimumLease(WORST_CALL)).isEqualTo(Duration.ofSeconds(76));
        assertThat(withLease(120).leaseProblem(VkService.TYPE, WORST_CALL)).isEmpty();
    }

    @Test
    void aShortLeaseIsRefusedNamingTheKeysToChange() {
        assertThat(withLease(60).leaseProblem(VkService.TYPE, WORST_CALL)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("health-check.lease-seconds=60", "at least 76", "vk.total-timeout-ms", "vk.read-timeout-ms"));
    }

    @Test
    void aShortLeaseSetAtRunTimeIsRaisedToTheMinimum() {
        assertThat(withLease(60).leaseCovering(EvotorService.TYPE, WORST_CALL)).isEqualTo(Duration.ofSeconds(76));
        assertThat(withLease(300).leaseCovering(EvotorService.TYPE, WORST_CALL)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void theNextIntervalStartsUpToATenthOfAnIntervalLateAndSpreadsOverIt() {
        HealthCheckSettings settings = withLease(120);
        LongSummaryStatistics delays = IntStream.range(0, 2_000)
                .mapToLong(i -> settings.nextIntervalDelay().toMillis()).summaryStatistics();

        assertThat(delays.getMin()).as("never sooner than one interval").isGreaterThanOrEqualTo(0);
        assertThat(delays.getMax()).isLessThanOrEqualTo(60_000);
        // Spread over the whole tenth, not bunched: 2,000 uniform draws over 60 s.
        assertThat(delays.getMin()).isLessThan(3_000);
        assertThat(delays.getMax()).isGreaterThan(57_000);
        assertThat(delays.getAverage()).isBetween(27_000.0, 33_000.0);
    }

    private static HealthCheckSettings withLease(long seconds) {
        return new HealthCheckSettings(Duration.ofMinutes(10), 3, Duration.ofSeconds(seconds), Duration.ofSeconds(30));
    }
}

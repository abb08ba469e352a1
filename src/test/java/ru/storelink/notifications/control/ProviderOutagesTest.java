package ru.storelink.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import ru.storelink.healthcheck.control.HealthStore.RecentChecks;

class ProviderOutagesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 6, 14, 30, 0, 0, ZoneOffset.UTC);

    @Test
    void aConnectionWhoseCheckLandedALittleOverOneIntervalAgoStillCounts() {
        // Checked every 3 s, the last result written 3.2 s ago (the call and the writer's batch take time):
        // a count that misses it sees nobody checked, and "ends" the outage until the next count.
        Duration interval = Duration.ofSeconds(3);
        OffsetDateTime lastResult = NOW.minus(interval).minus(Duration.ofMillis(200));
        assertThat(ProviderOutages.countedSince(NOW, interval)).isBefore(lastResult);
    }

    @Test
    void aConnectionLeftUncheckedForSeveralIntervalsDoesNotCount() {
        Duration interval = Duration.ofMinutes(5);
        assertThat(ProviderOutages.countedSince(NOW, interval)).isAfter(NOW.minus(interval.multipliedBy(3)));
    }

    @Test
    void anOutageNeedsEnoughCheckedConnectionsAndEnoughOfThemFailing() {
        assertThat(ProviderOutages.isOutage(new RecentChecks(20, 10), 0.5, 20)).isTrue();
        assertThat(ProviderOutages.isOutage(new RecentChecks(20, 9), 0.5, 20)).as("under the share").isFalse();
        assertThat(ProviderOutages.isOutage(new RecentChecks(19, 19), 0.5, 20)).as("too few checked").isFalse();
    }
}

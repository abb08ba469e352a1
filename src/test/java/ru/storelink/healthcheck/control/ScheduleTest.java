package ru.storelink.healthcheck.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    @Test
    void aCheckOnTimeOrALittleLateKeepsItsPhase() {
        assertThat(Schedule.nextStart(NOW.minus(INTERVAL), NOW, INTERVAL)).isEqualTo(NOW);
        OffsetDateTime startedElevenMinutesAgo = NOW.minusMinutes(11);
        assertThat(Schedule.nextStart(startedElevenMinutesAgo, NOW, INTERVAL)).as("due a minute ago: next due in nine")
                .isEqualTo(NOW.minusMinutes(1));
    }

    @Test
    void aCheckByHandOrAfterABacklogStartsAfresh() {
        assertThat(Schedule.nextStart(NOW.minusMinutes(3), NOW, INTERVAL)).as("early, by hand").isEqualTo(NOW);
        assertThat(Schedule.nextStart(NOW.minusMinutes(20), NOW, INTERVAL)).as("due an interval ago").isEqualTo(NOW);
        assertThat(Schedule.nextStart(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), NOW, INTERVAL))
                .as("never checked").isEqualTo(NOW);
    }
}

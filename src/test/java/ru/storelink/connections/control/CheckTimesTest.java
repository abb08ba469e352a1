package ru.storelink.connections.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CheckTimesTest {

    @Test
    void showsTheShopsLocalTimeAsOwnersWriteIt() {
        CheckTimes times = new CheckTimes();
        times.timeZone = "Europe/Moscow";
        times.configure();

        assertThat(times.format(OffsetDateTime.of(2026, 3, 6, 11, 30, 0, 0, ZoneOffset.UTC))).isEqualTo("06.03.2026 14:30");
        assertThat(times.format(null)).isEmpty();
    }

    @Test
    void timeZoneIsConfigurable() {
        CheckTimes times = new CheckTimes();
        times.timeZone = "Asia/Vladivostok";
        times.configure();

        assertThat(times.format(OffsetDateTime.of(2026, 3, 6, 23, 5, 0, 0, ZoneOffset.UTC))).isEqualTo("07.03.2026 09:05");
    }
}

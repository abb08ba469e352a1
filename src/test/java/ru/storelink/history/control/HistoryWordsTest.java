package ru.storelink.history.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;

class HistoryWordsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ServiceType EVOTOR = new ServiceType("evotor", "bi-shop");

    private static Instant moscow(String at) {
        return LocalDateTime.parse(at).atZone(MOSCOW).toInstant();
    }

    @Test
    void anIncidentAsTheOwnerReadsIt() {
        Incident incident = new Incident(1, ConnectionStatus.SERVICE_UNAVAILABLE, moscow("2026-03-06T14:30"), moscow("2026-03-06T14:41"));

        assertThat(HistoryWords.incident(incident, EVOTOR, MOSCOW, Instant.now()))
                .isEqualTo("06.03.2026 14:30–14:41, 11 мин — Эвотор был недоступен");
    }

    @Test
    void anIncidentOverMidnightNamesBothDaysAndOneThatLastsSaysSo() {
        Incident night = new Incident(1, ConnectionStatus.NEEDS_RECONNECT, moscow("2026-03-06T23:50"), moscow("2026-03-07T09:10"));
        Incident ongoing = new Incident(2, ConnectionStatus.SERVICE_UNAVAILABLE, moscow("2026-03-07T10:00"), null);

        assertThat(HistoryWords.incident(night, EVOTOR, MOSCOW, Instant.now()))
                .isEqualTo("06.03.2026 23:50 – 07.03.2026 09:10, 9 ч 20 мин — Требовалось переподключение");
        assertThat(HistoryWords.incident(ongoing, EVOTOR, MOSCOW, moscow("2026-03-09T12:00")))
                .isEqualTo("с 07.03.2026 10:00, уже 2 дн 2 ч — Эвотор недоступен");
    }

    @Test
    void durationsAsPreciseAsAnOwnerNeeds() {
        assertThat(HistoryWords.duration(Duration.ofSeconds(59))).isEqualTo("меньше минуты");
        assertThat(HistoryWords.duration(Duration.ofMinutes(11).plusSeconds(59))).isEqualTo("11 мин");
        assertThat(HistoryWords.duration(Duration.ofHours(2))).isEqualTo("2 ч");
        assertThat(HistoryWords.duration(Duration.ofDays(3))).isEqualTo("3 дн");
    }

    @Test
    void percentsRoundDownSoABreakNeverReadsAHundred() {
        assertThat(HistoryWords.percent(99.99)).isEqualTo("99,9");
        assertThat(HistoryWords.percent(100)).isEqualTo("100");
        assertThat(HistoryWords.percent(99.0)).isEqualTo("99");
        assertThat(HistoryWords.percent(0)).isEqualTo("0");
        assertThat(HistoryWords.availability(OptionalDouble.empty())).isEqualTo("Нет данных за 30 дней");
        assertThat(HistoryWords.availability(OptionalDouble.of(99.84))).isEqualTo("99,8 % за 30 дней");
    }
}

package ru.storelink.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.notifications.entity.EventKind;

class NotificationRulesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static ZonedDateTime moscow(String time) {
        return ZonedDateTime.of(2026, 3, 6, 0, 0, 0, 0, MOSCOW).with(LocalTime.parse(time));
    }

    @Test
    void quietHoursAcrossMidnightEndTheNextMorning() {
        LocalTime from = LocalTime.of(22, 0);
        LocalTime until = LocalTime.of(7, 30);
        assertThat(NotificationRules.quietUntil(from, until, moscow("23:15"))).contains(moscow("07:30").plusDays(1));
        assertThat(NotificationRules.quietUntil(from, until, moscow("03:00"))).contains(moscow("07:30"));
        assertThat(NotificationRules.quietUntil(from, until, moscow("22:00"))).as("the start is quiet").contains(moscow("07:30").plusDays(1));
        assertThat(NotificationRules.quietUntil(from, until, moscow("07:30"))).as("the end is not").isEmpty();
        assertThat(NotificationRules.quietUntil(from, until, moscow("12:00"))).isEmpty();
    }

    @Test
    void quietHoursWithinADayAndInMoscowTimeWhateverTheClockSays() {
        LocalTime from = LocalTime.of(13, 0);
        LocalTime until = LocalTime.of(14, 0);
        // 10:30 UTC is 13:30 in Moscow.
        ZonedDateTime utc = ZonedDateTime.of(2026, 3, 6, 10, 30, 0, 0, ZoneId.of("UTC"));
        assertThat(NotificationRules.quietUntil(from, until, utc)).contains(moscow("14:00"));
        assertThat(NotificationRules.quietUntil(from, until, moscow("14:30"))).isEmpty();
        assertThat(NotificationRules.quietUntil(null, null, moscow("13:30"))).as("no quiet hours").isEmpty();
    }

    @Test
    void retriesBackOffFromTheFirstWaitUpToHalfAnHour() {
        Duration first = Duration.ofSeconds(30);
        assertThat(NotificationRules.retryAfter(1, first)).isEqualTo(Duration.ofSeconds(30));
        assertThat(NotificationRules.retryAfter(2, first)).isEqualTo(Duration.ofMinutes(1));
        assertThat(NotificationRules.retryAfter(4, first)).isEqualTo(Duration.ofMinutes(4));
        assertThat(NotificationRules.retryAfter(7, first)).isEqualTo(Duration.ofMinutes(30));
        assertThat(NotificationRules.retryAfter(1000, first)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void durationsInWords() {
        assertThat(NotificationRules.inWords(Duration.ofSeconds(40))).isEqualTo("меньше минуты");
        assertThat(NotificationRules.inWords(Duration.ofMinutes(11))).isEqualTo("11 мин");
        assertThat(NotificationRules.inWords(Duration.ofMinutes(65))).isEqualTo("1 ч 5 мин");
        assertThat(NotificationRules.inWords(Duration.ofHours(2))).isEqualTo("2 ч");
        assertThat(NotificationRules.inWords(Duration.ofHours(51).plusMinutes(7))).as("minutes dropped after a day").isEqualTo("2 дн. 3 ч");
    }

    @Test
    void onlyBreaksAndRecoveriesFromThemAreTold() {
        assertThat(EventKind.of(ConnectionStatus.WORKING, ConnectionStatus.NEEDS_RECONNECT)).isEqualTo(EventKind.BROKEN);
        assertThat(EventKind.of(ConnectionStatus.WORKING, ConnectionStatus.SERVICE_UNAVAILABLE)).isEqualTo(EventKind.UNAVAILABLE);
        assertThat(EventKind.of(ConnectionStatus.SERVICE_UNAVAILABLE, ConnectionStatus.WORKING)).isEqualTo(EventKind.RECOVERED);
        assertThat(EventKind.of(ConnectionStatus.NEEDS_RECONNECT, ConnectionStatus.WORKING)).isEqualTo(EventKind.RECOVERED);
        assertThat(EventKind.of(ConnectionStatus.CANNOT_CHECK, ConnectionStatus.WORKING)).as("our own trouble").isNull();
        assertThat(EventKind.of(ConnectionStatus.WORKING, ConnectionStatus.CANNOT_CHECK)).isNull();
        assertThat(EventKind.of(ConnectionStatus.NOT_CHECKED, ConnectionStatus.WORKING)).isNull();
    }

    @Test
    void htmlOfAMailEscapesWhatProvidersName() {
        assertThat(MailComposer.html("Магазин <b>\"Чай\" & 'кофе'</b>"))
                .isEqualTo("Магазин &lt;b&gt;&quot;Чай&quot; &amp; &#39;кофе&#39;&lt;/b&gt;");
    }
}

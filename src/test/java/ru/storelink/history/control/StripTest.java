package ru.storelink.history.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.storelink.connections.entity.ConnectionStatus;

class StripTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 02.12.2026 12:00 in Moscow. */
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Instant moscow(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    @Test
    void aMonthOfDaysEndingTodayInTheShopsTimeZone() {
        List<Day> days = Day.lastDays(Strip.DAYS, NOW, MOSCOW);

        assertThat(days).hasSize(30);
        assertThat(days.get(29).date()).isEqualTo(TODAY);
        assertThat(days.get(29).to()).isEqualTo(NOW);
        assertThat(days.get(0).date()).isEqualTo(TODAY.minusDays(29));
        assertThat(days.get(29).from()).isEqualTo(moscow("2026-12-02T00:00"));
    }

    @Test
    void aBreakOfElevenMinutesMakesItsDayRedAndTheMonthLessThanAHundred() {
        List<Day> days = Day.lastDays(Strip.DAYS, NOW, MOSCOW);
        List<Transition> live = List.of(
                new Transition(7, ConnectionStatus.SERVICE_UNAVAILABLE, moscow("2026-12-01T14:30")),
                new Transition(8, ConnectionStatus.WORKING, moscow("2026-12-01T14:41")));

        Strip strip = Strip.of(days, ConnectionStatus.WORKING, Map.of(), TODAY.minusDays(1), ConnectionStatus.WORKING, live);

        DaySummary yesterday = strip.days().get(28);
        assertThat(yesterday.shade()).isEqualTo(Shade.DOWN);
        assertThat(yesterday.unavailableSeconds()).isEqualTo(11 * 60);
        assertThat(yesterday.workingSeconds()).isEqualTo(24 * 3600 - 11 * 60);
        assertThat(strip.days().get(27).shade()).as("a rolled-up quiet day").isEqualTo(Shade.WORKING);
        assertThat(strip.days().get(29).shade()).isEqualTo(Shade.WORKING);
        assertThat(strip.availability()).isPresent();
        assertThat(strip.availability().getAsDouble()).isLessThan(100).isGreaterThan(99.9);
        assertThat(HistoryWords.availability(strip.availability())).isEqualTo("99,9 % за 30 дней");
    }

    @Test
    void daysBeforeTheConnectionAreGreyAndCountNeitherWay() {
        List<Day> days = Day.lastDays(Strip.DAYS, NOW, MOSCOW);
        List<Transition> live = List.of(new Transition(1, ConnectionStatus.WORKING, moscow("2026-12-02T10:00")));

        Strip strip = Strip.of(days, null, Map.of(), TODAY, null, live);

        assertThat(strip.days().subList(0, 29)).allSatisfy(day -> assertThat(day.shade()).isEqualTo(Shade.UNKNOWN));
        assertThat(HistoryWords.day(strip.days().get(0), false)).isEqualTo("03.11.2026: не подключено");
        assertThat(strip.days().get(29).workingSeconds()).isEqualTo(2 * 3600);
        assertThat(HistoryWords.availability(strip.availability())).isEqualTo("100 % за 30 дней");
    }

    @Test
    void rolledUpRowsAreTakenAsTheyAreAndCarryTheirEndState() {
        List<Day> days = Day.lastDays(Strip.DAYS, NOW, MOSCOW);
        LocalDate brokenDay = TODAY.minusDays(10);
        DaySummary rolled = new DaySummary(brokenDay, 3600, 0, 82800, 0, ConnectionStatus.NEEDS_RECONNECT);

        Strip strip = Strip.of(days, ConnectionStatus.WORKING, Map.of(brokenDay, new Strip.DayRow(0, rolled)), TODAY,
                ConnectionStatus.WORKING, List.of());

        assertThat(strip.days().get(19)).isEqualTo(rolled);
        assertThat(strip.days().get(20).shade()).as("the day after, still waiting for a reconnect").isEqualTo(Shade.DOWN);
        assertThat(strip.days().get(20).reconnectSeconds()).isEqualTo(86400);
        assertThat(strip.days().get(29).shade()).as("today begins as the live state says").isEqualTo(Shade.WORKING);
    }

    @Test
    void failedChecksWithoutAChangeAreAmberAndSaidInWords() {
        Day day = Day.of(TODAY.minusDays(1), MOSCOW);

        DaySummary summary = DaySummary.of(day.date(), ConnectionStatus.WORKING, List.of(), 3, day.from(), day.to());

        assertThat(summary.shade()).isEqualTo(Shade.TROUBLED);
        assertThat(HistoryWords.day(summary, false)).isEqualTo("01.12.2026: работало 100 % времени, временных сбоев: 3");
    }

    @Test
    void aDayIsToldInWordsWithEverythingThatHappened() {
        Day day = Day.of(TODAY.minusDays(1), MOSCOW);
        DaySummary summary = DaySummary.of(day.date(), ConnectionStatus.WORKING, List.of(
                new Transition(1, ConnectionStatus.SERVICE_UNAVAILABLE, moscow("2026-12-01T10:00")),
                new Transition(2, ConnectionStatus.NEEDS_RECONNECT, moscow("2026-12-01T12:05")),
                new Transition(3, ConnectionStatus.WORKING, moscow("2026-12-01T12:30"))), 1, day.from(), day.to());

        assertThat(HistoryWords.day(summary, true)).isEqualTo(
                "01.12.2026, сегодня: работало 89,5 % времени, сервис недоступен 2 ч 5 мин, требовалось переподключение 25 мин,"
                        + " временных сбоев: 1");
    }

    @Test
    void transitionsOutsideTheDayAreIgnored() {
        Day day = Day.of(TODAY.minusDays(1), MOSCOW);
        DaySummary summary = DaySummary.of(day.date(), ConnectionStatus.WORKING, List.of(
                new Transition(1, ConnectionStatus.NEEDS_RECONNECT, moscow("2026-12-02T01:00"))), 0, day.from(), day.to());

        assertThat(summary.shade()).isEqualTo(Shade.WORKING);
        assertThat(summary.endState()).isEqualTo(ConnectionStatus.WORKING);
    }
}

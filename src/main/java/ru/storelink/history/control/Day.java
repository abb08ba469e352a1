package ru.storelink.history.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A calendar day of the shop's time zone as a period of time; today's ends now. */
public record Day(LocalDate date, Instant from, Instant to) {

    /** The {@code count} days up to and including today, oldest first. */
    public static List<Day> lastDays(int count, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Day> days = new ArrayList<>(count);
        for (LocalDate date = today.minusDays(count - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            Instant end = start(date.plusDays(1), zone);
            days.add(new Day(date, start(date, zone), end.isAfter(now) ? now : end));
        }
        return days;
    }

    /** The whole of a closed day. */
    public static Day of(LocalDate date, ZoneId zone) {
        return new Day(date, start(date, zone), start(date.plusDays(1), zone));
    }

    public static Instant start(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}

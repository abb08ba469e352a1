package ru.storelink.history.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Texts;

/** The health over time in the owner's words: «99,8 % за 30 дней», «06.03.2026 14:30–14:41, 11 мин — …». */
public final class HistoryWords {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private HistoryWords() {
    }

    /** «99,8 % за 30 дней»; without any known time «Нет данных за 30 дней». */
    public static String availability(OptionalDouble percent) {
        return percent.isEmpty() ? Texts.render("history.availability.none") : Texts.render("history.availability", percent(percent.getAsDouble()));
    }

    /**
     * A share as the owner reads it: one decimal with a comma, rounded down, so that a month with a break
     * never reads «100» («99,9» at best) and one without always does.
     */
    static String percent(double percent) {
        if (percent >= 100) {
            return "100";
        }
        long tenths = (long) Math.floor(percent * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "," + (tenths % 10);
    }

    /** What happened on a day, for its segment's title and for screen readers. */
    public static String day(DaySummary day, boolean today) {
        String what;
        if (day.knownSeconds() == 0 && day.troubledChecks() == 0) {
            what = Texts.render(day.endState() == null ? "history.day.not-connected" : "history.day.unknown");
        } else {
            List<String> parts = new ArrayList<>();
            if (day.knownSeconds() > 0) {
                parts.add(Texts.render("history.day.working", percent(100.0 * day.workingSeconds() / day.knownSeconds())));
            }
            if (day.unavailableSeconds() > 0) {
                parts.add(Texts.render("history.day.unavailable", duration(Duration.ofSeconds(day.unavailableSeconds()))));
            }
            if (day.reconnectSeconds() > 0) {
                parts.add(Texts.render("history.day.reconnect", duration(Duration.ofSeconds(day.reconnectSeconds()))));
            }
            if (day.troubledChecks() > 0) {
                parts.add(Texts.render("history.day.troubled", Integer.toString(day.troubledChecks())));
            }
            what = String.join(", ", parts);
        }
        return Texts.render(today ? "history.day.today" : "history.day", DATE.format(day.day()), what);
    }

    /** «06.03.2026 14:30–14:41, 11 мин — Эвотор был недоступен»; while it lasts «с 06.03.2026 14:30, уже 11 мин — …». */
    public static String incident(Incident incident, ServiceType service, ZoneId zone, Instant now) {
        ZonedDateTime from = incident.from().atZone(zone);
        if (incident.ongoing()) {
            return Texts.render("history.incident.ongoing", DATE_TIME.format(from), duration(Duration.between(incident.from(), now)),
                    Texts.render("history.incident.ongoing." + incident.state().name(), service.title()));
        }
        ZonedDateTime until = incident.until().atZone(zone);
        String period = DATE_TIME.format(from) + (from.toLocalDate().equals(until.toLocalDate())
                ? "–" + TIME.format(until) : " – " + DATE_TIME.format(until));
        return Texts.render("history.incident", period, duration(Duration.between(incident.from(), incident.until())),
                Texts.render("history.incident." + incident.state().name(), service.title()));
    }

    /** «меньше минуты», «11 мин», «2 ч 5 мин», «3 дн 4 ч»: as precise as an owner needs. */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return Texts.render("history.duration.moment");
        }
        if (minutes < 60) {
            return Texts.render("history.duration.minutes", Long.toString(minutes));
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? Texts.render("history.duration.hours", Long.toString(hours))
                    : Texts.render("history.duration.hours-minutes", Long.toString(hours), Long.toString(minutes % 60));
        }
        return hours % 24 == 0 ? Texts.render("history.duration.days", Long.toString(hours / 24))
                : Texts.render("history.duration.days-hours", Long.toString(hours / 24), Long.toString(hours % 24));
    }
}

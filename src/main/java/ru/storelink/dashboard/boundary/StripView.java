package ru.storelink.dashboard.boundary;

import java.io.Serializable;
import java.util.List;
import ru.storelink.history.control.DaySummary;
import ru.storelink.history.control.HistoryWords;
import ru.storelink.history.control.Strip;

/** The 30-day strip as a page draws it: a coloured segment per day, each saying in words what happened. */
public record StripView(List<Segment> segments, String availability) implements Serializable {

    /** One day: its colour class and what happened, for the title and for screen readers. */
    public record Segment(String styleClass, String label) implements Serializable {
    }

    static StripView of(Strip strip) {
        List<DaySummary> days = strip.days();
        return new StripView(days.stream()
                .map(day -> new Segment(day.shade().styleClass(), HistoryWords.day(day, day == days.get(days.size() - 1))))
                .toList(), HistoryWords.availability(strip.availability()));
    }
}

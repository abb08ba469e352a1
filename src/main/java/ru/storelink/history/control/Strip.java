package ru.storelink.history.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import ru.storelink.connections.entity.ConnectionStatus;

/**
 * A connection's last days, oldest first, today last (so far), and its availability over them: the share of
 * the time it was known to work among the time it was known to work or not. Time in «Не проверялось» or
 * «Не удаётся проверить», or before the connection existed, counts neither way.
 */
public record Strip(List<DaySummary> days, OptionalDouble availability) {

    /** The days shown: a month, today included. */
    public static final int DAYS = 30;

    /** What a closed day's roll-up row says, and what is counted on a day that has not closed yet. */
    public record DayRow(int troubledChecks, DaySummary rolledUp) {
    }

    /**
     * Puts the strip together from what the database holds.
     *
     * @param days the window, oldest first; the last is today, which ends {@code now}
     * @param stateAtStart the state as the window's first day began (null: not connected yet)
     * @param rows the window's roll-up rows by day (a closed day without a row had no events)
     * @param firstLive the first day not rolled up yet: from it on, the days are summed from {@code live}
     * @param stateAtFirstLive the state as that day began
     * @param live the transitions from {@code firstLive} on, in time order
     */
    public static Strip of(List<Day> days, ConnectionStatus stateAtStart, Map<LocalDate, DayRow> rows, LocalDate firstLive,
            ConnectionStatus stateAtFirstLive, List<Transition> live) {
        List<DaySummary> summaries = new ArrayList<>(days.size());
        ConnectionStatus state = stateAtStart;
        for (Day day : days) {
            DayRow row = rows.get(day.date());
            DaySummary summary;
            if (day.date().isBefore(firstLive)) {
                summary = row != null && row.rolledUp() != null ? row.rolledUp() : DaySummary.quiet(day.date(), state, day.from(), day.to());
            } else {
                if (day.date().equals(firstLive)) {
                    state = stateAtFirstLive;
                }
                summary = DaySummary.of(day.date(), state, live, row == null ? 0 : row.troubledChecks(), day.from(), day.to());
            }
            summaries.add(summary);
            state = summary.endState();
        }
        long working = summaries.stream().mapToLong(DaySummary::workingSeconds).sum();
        long known = summaries.stream().mapToLong(DaySummary::knownSeconds).sum();
        return new Strip(List.copyOf(summaries), known == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * working / known));
    }
}

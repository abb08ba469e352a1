package ru.storelink.history.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ru.storelink.connections.entity.ConnectionStatus;

/**
 * One connection's day: how long it spent working, with its service unavailable and waiting for a
 * reconnect, how many checks failed for now, and the state it ended in (null: it did not exist yet).
 * Summed from the day's transitions, or read back from the roll-up of a closed day.
 */
public record DaySummary(LocalDate day, long workingSeconds, long unavailableSeconds, long reconnectSeconds,
        int troubledChecks, ConnectionStatus endState) {

    /**
     * The day from {@code from} to {@code to}, starting in {@code start} (null: not connected yet) and
     * changing at {@code transitions}, which are in time order; those outside the period are ignored.
     */
    public static DaySummary of(LocalDate day, ConnectionStatus start, List<Transition> transitions, int troubledChecks,
            Instant from, Instant to) {
        long working = 0;
        long unavailable = 0;
        long reconnect = 0;
        ConnectionStatus state = start;
        Instant since = from;
        for (Transition transition : transitions) {
            if (transition.at().isBefore(from) || !transition.at().isBefore(to)) {
                continue;
            }
            long seconds = seconds(since, transition.at());
            working += state == ConnectionStatus.WORKING ? seconds : 0;
            unavailable += state == ConnectionStatus.SERVICE_UNAVAILABLE ? seconds : 0;
            reconnect += state == ConnectionStatus.NEEDS_RECONNECT ? seconds : 0;
            state = transition.to();
            since = transition.at();
        }
        long seconds = seconds(since, to);
        working += state == ConnectionStatus.WORKING ? seconds : 0;
        unavailable += state == ConnectionStatus.SERVICE_UNAVAILABLE ? seconds : 0;
        reconnect += state == ConnectionStatus.NEEDS_RECONNECT ? seconds : 0;
        return new DaySummary(day, working, unavailable, reconnect, troubledChecks, state);
    }

    /** A day on which nothing happened: all of it in {@code state}. */
    public static DaySummary quiet(LocalDate day, ConnectionStatus state, Instant from, Instant to) {
        return of(day, state, List.of(), 0, from, to);
    }

    /** Rounded up, so that a break of a moment still counts (and colours the day). */
    private static long seconds(Instant from, Instant to) {
        return to.isAfter(from) ? (to.toEpochMilli() - from.toEpochMilli() + 999) / 1000 : 0;
    }

    /** Seconds of the day in a state that says whether the connection worked. */
    public long knownSeconds() {
        return workingSeconds + unavailableSeconds + reconnectSeconds;
    }

    public Shade shade() {
        if (unavailableSeconds > 0 || reconnectSeconds > 0) {
            return Shade.DOWN;
        }
        if (troubledChecks > 0) {
            return Shade.TROUBLED;
        }
        return workingSeconds > 0 ? Shade.WORKING : Shade.UNKNOWN;
    }
}

package ru.storelink.healthcheck.control;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The start of a connection's next interval after a check ({@code scheduled_at}; the connection is due again
 * one interval later). A check that ran on time, or late by less than an interval, keeps the connection's
 * phase: the new interval starts when the check was due, not when it ended, so a slow provider or a busy
 * checker does not drift every connection later and later into one another. A check made early (by hand) or
 * after a whole interval of backlog (downtime, an outage) starts the interval afresh, so no connection is
 * checked twice within an interval.
 */
final class Schedule {

    private Schedule() {
    }

    static OffsetDateTime nextStart(OffsetDateTime start, OffsetDateTime now, Duration interval) {
        OffsetDateTime due = start.plus(interval);
        boolean inPhase = !now.isBefore(due) && now.isBefore(due.plus(interval));
        return inPhase ? due : now;
    }
}

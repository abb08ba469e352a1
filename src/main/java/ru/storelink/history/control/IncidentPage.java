package ru.storelink.history.control;

import java.util.List;

/**
 * A page of incidents, newest first. {@code olderBefore}: what the next page's link carries (the oldest
 * shown incident's id), null when there is nothing older.
 */
public record IncidentPage(List<Incident> incidents, Long olderBefore) {
}

package ru.storelink.history.control;

/**
 * A day's colour on the strip: the worst that happened that day. Never told by colour alone: every segment
 * also says in words what happened.
 */
public enum Shade {

    /** Worked all the time it was connected and checked. */
    WORKING("day-working"),
    /** Stayed usable, but some checks failed for now. */
    TROUBLED("day-troubled"),
    /** At some time needed reconnecting, or the service was unavailable. */
    DOWN("day-down"),
    /** Not connected yet, or nothing known (not checked, Storelink could not check). */
    UNKNOWN("day-unknown");

    private final String styleClass;

    Shade(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}

package ru.storelink.dashboard.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A service page's «Надёжность»: the 30-day strip and a page of incidents, newest first.
 *
 * @param olderBefore the next page's link parameter; null when nothing is older
 * @param paged whether this is a page further back (it offers the way back to the newest)
 * @param badPage whether the page asked for was refused (a malformed link): the newest are shown instead
 */
public record Reliability(StripView strip, List<Line> incidents, Long olderBefore, boolean paged, boolean badPage)
        implements Serializable {

    /** One incident in words; {@code ongoing} while it lasts. */
    public record Line(String text, boolean ongoing) implements Serializable {

        public String getText() {
            return text;
        }

        public boolean isOngoing() {
            return ongoing;
        }
    }

    public StripView getStrip() {
        return strip;
    }

    public List<Line> getIncidents() {
        return incidents;
    }

    public Long getOlderBefore() {
        return olderBefore;
    }

    public boolean isPaged() {
        return paged;
    }

    public boolean isBadPage() {
        return badPage;
    }
}

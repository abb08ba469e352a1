package ru.storelink.notifications.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** «Отправить тестовое письмо» at most once per {@link #EVERY} per session: the button is no way to flood a mailbox. */
@SessionScoped
public class TestMailLimit implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Duration EVERY = Duration.ofSeconds(30);

    private Instant last = Instant.EPOCH;

    /** @return the seconds to wait, or 0 when a test mail may go now (and it is counted) */
    synchronized long secondsToWait(Instant now) {
        Duration since = Duration.between(last, now);
        if (since.compareTo(EVERY) < 0) {
            return Math.max(1, EVERY.minus(since).toSeconds());
        }
        last = now;
        return 0;
    }
}

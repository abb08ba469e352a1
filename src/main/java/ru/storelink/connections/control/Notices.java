package ru.storelink.connections.control;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages for the owner's next page, after a redirect (the OAuth callbacks and deletions end with a 303
 * to /connections). Shown once.
 */
@SessionScoped
public class Notices implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Notice(boolean error, String text) implements Serializable {
    }

    private final List<Notice> notices = new ArrayList<>();

    public synchronized void success(String text) {
        notices.add(new Notice(false, text));
    }

    public synchronized void error(String text) {
        notices.add(new Notice(true, text));
    }

    public synchronized List<Notice> drain() {
        List<Notice> shown = List.copyOf(notices);
        notices.clear();
        return shown;
    }
}

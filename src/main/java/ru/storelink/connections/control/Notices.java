package ru.storelink.connections.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages for the owner's next page, after a redirect (the OAuth callbacks and deletions end with a 303
 * to /connections). Shown once.
 *
 * <p>A plain session attribute, an immutable list set anew on every change (so the replicated session carries
 * it), and there only while a message waits, rather than a {@code @SessionScoped} bean: Payara reads the whole
 * session back from its data grid on every request, and the bean, created by every dashboard's look for
 * messages and nearly always empty, was a quarter of an owner's session (Weld's wrapper, about 1.3 KB). Two
 * requests of one session that add at the same instant may keep one of the two messages; both say what the
 * cards show anyway.
 */
@RequestScoped
public class Notices {

    static final String ATTRIBUTE = "ru.storelink.connections.notices";

    public record Notice(boolean error, String text) implements Serializable {
    }

    @Inject
    HttpServletRequest request;

    public void success(String text) {
        add(new Notice(false, text));
    }

    public void error(String text) {
        add(new Notice(true, text));
    }

    public List<Notice> drain() {
        HttpSession session = request.getSession(false);
        List<Notice> shown = session == null ? List.of() : waiting(session);
        if (!shown.isEmpty()) {
            session.removeAttribute(ATTRIBUTE);
        }
        return shown;
    }

    private void add(Notice notice) {
        HttpSession session = request.getSession();
        List<Notice> more = new ArrayList<>(waiting(session));
        more.add(notice);
        session.setAttribute(ATTRIBUTE, List.copyOf(more));
    }

    private static List<Notice> waiting(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof List<?> kept ? kept.stream().map(Notice.class::cast).toList() : List.of();
    }
}

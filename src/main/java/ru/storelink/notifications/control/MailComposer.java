package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.notifications.entity.EventKind;
import ru.storelink.texts.Texts;

/**
 * Writes an owner's e-mail about what happened to their connections: one event, or several as one digest.
 * Each event names the service and the store or profile, says what happened and what to do, and links to
 * the page where it is done (addresses from {@code app.public-url}). Every word is from the message bundle.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    CheckTimes times;

    /** @param messageId stable for the same outbox rows (see {@link Mail#messageId()}) */
    public Mail compose(long accountId, String to, List<Telling> tellings, String messageId) {
        if (tellings.isEmpty()) {
            throw new IllegalArgumentException("An e-mail about nothing");
        }
        String subject = tellings.size() == 1
                ? Texts.render("mail.subject." + tellings.get(0).kind().name(), tellings.get(0).service().title())
                : Texts.render("mail.subject.digest", tellings.size());
        Mail.Action action = tellings.stream().filter(telling -> telling.kind() == EventKind.BROKEN).findFirst()
                .map(broken -> new Mail.Action(Texts.render("mail.action.reconnect"), reconnectUrl(broken)))
                .orElseGet(() -> new Mail.Action(Texts.render("mail.action.dashboard"), url("/connections")));
        List<String> paragraphs = new ArrayList<>();
        List<String> htmlParagraphs = new ArrayList<>();
        for (Telling telling : tellings) {
            String what = what(telling);
            String todo = Texts.render("mail." + telling.kind().name() + ".todo");
            paragraphs.add(what + "\n" + todo + (telling.kind() == EventKind.BROKEN && tellings.size() > 1
                    ? "\n" + Texts.render("mail.action.reconnect") + ": " + reconnectUrl(telling) : ""));
            htmlParagraphs.add("<p><strong>" + html(telling.service().title()) + "</strong><br>" + html(what) + "<br>" + html(todo) + "</p>");
        }
        String footer = Texts.render("mail.footer", url("/notifications"));
        String text = Texts.render("mail.greeting") + "\n\n" + String.join("\n\n", paragraphs) + "\n\n"
                + action.label() + ": " + action.url() + "\n\n-- \n" + footer + "\n";
        String html = "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>" + html(subject) + "</title></head>"
                + "<body style=\"font-family:sans-serif;line-height:1.5;color:#1f2937\">"
                + "<p>" + html(Texts.render("mail.greeting")) + "</p>" + String.join("", htmlParagraphs)
                + "<p><a href=\"" + html(action.url()) + "\" style=\"display:inline-block;padding:12px 20px;background:#1d4ed8;"
                + "color:#ffffff;text-decoration:none;border-radius:6px\">" + html(action.label()) + "</a></p>"
                + "<p style=\"color:#6b7280;font-size:0.9em\">" + html(footer) + "</p></body></html>";
        return new Mail(accountId, to, subject, text, html, action, messageId);
    }

    /** The test e-mail of the settings page. */
    public Mail test(long accountId, String to, String messageId) {
        String subject = Texts.render("mail.test.subject");
        String body = Texts.render("mail.test.body");
        String footer = Texts.render("mail.footer", url("/notifications"));
        Mail.Action action = new Mail.Action(Texts.render("mail.action.dashboard"), url("/connections"));
        return new Mail(accountId, to, subject, Texts.render("mail.greeting") + "\n\n" + body + "\n\n-- \n" + footer + "\n",
                "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>" + html(subject) + "</title></head><body>"
                        + "<p>" + html(Texts.render("mail.greeting")) + "</p><p>" + html(body) + "</p><p>" + html(footer) + "</p></body></html>",
                action, messageId);
    }

    private String what(Telling telling) {
        String service = telling.service().title();
        String named = telling.details() == null || telling.details().isBlank()
                ? Texts.render("mail.service", service)
                : Texts.render("mail.service-with-details", service, telling.details());
        String reason = telling.reason() == null ? "" : " " + Texts.render("mail.reason", Texts.render(telling.reason()));
        return switch (telling.kind()) {
            case BROKEN -> Texts.render("mail.BROKEN", named, times.format(telling.occurredAt())) + reason;
            case UNAVAILABLE -> Texts.render("mail.UNAVAILABLE", named, NotificationRules.inWords(telling.lasted()),
                    times.format(telling.since()));
            case RECOVERED -> Texts.render("mail.RECOVERED", named, NotificationRules.inWords(telling.lasted()),
                    times.format(telling.since()), times.format(telling.occurredAt()));
        };
    }

    /** «Переподключить» starts the service's consent at once (through login if needed) and returns to the dashboard. */
    private static String reconnectUrl(Telling telling) {
        return url(telling.service().pagePath() + "/connect");
    }

    private static String url(String path) {
        String base = ConfigProvider.getConfig().getOptionalValue("app.public-url", String.class).orElse("http://localhost:8080");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    static String html(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

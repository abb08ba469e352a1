package ru.storelink.testsupport;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The Connections page as a test reads it. */
public record Dashboard(HttpResponse<String> response, Document page) {

    public static Dashboard of(WebClient client) {
        HttpResponse<String> response = client.get("/connections");
        if (response.statusCode() != 200) {
            throw new AssertionError("/connections answered " + response.statusCode());
        }
        return new Dashboard(response, Jsoup.parse(response.body()));
    }

    public boolean hasCard(String service) {
        return page.getElementById("card-" + service) != null;
    }

    public String details(String service) {
        return text("details-" + service);
    }

    public String status(String service) {
        return text("status-" + service);
    }

    public String lastCheck(String service) {
        return text("checked-" + service);
    }

    public String notices() {
        return Optional.ofNullable(page.getElementById("notices")).map(Element::text).orElse("");
    }

    private String text(String id) {
        Element element = page.getElementById(id);
        if (element == null) {
            throw new AssertionError("No #" + id + " on the dashboard");
        }
        return element.text();
    }
}

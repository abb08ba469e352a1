package ru.storelink.connections;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import ru.storelink.testsupport.WebClient;

/** Reads the session's form token off a page, as the «Отключить» form carries it. */
final class Deleting {

    private Deleting() {
    }

    static String formToken(WebClient client) {
        Element token = Jsoup.parse(client.get("/connections").body()).selectFirst("input[name=token]");
        if (token == null) {
            // No card to delete: the token is the same on every page of the session.
            token = Jsoup.parse(client.get("/evotor").body()).selectFirst("input[name=token]");
        }
        if (token == null) {
            throw new AssertionError("No form token on /connections or /evotor");
        }
        return token.attr("value");
    }
}

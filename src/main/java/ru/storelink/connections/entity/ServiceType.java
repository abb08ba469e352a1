package ru.storelink.connections.entity;

import java.io.Serializable;
import java.util.Locale;
import ru.storelink.texts.Texts;

/**
 * One service an account can connect, as pages and logs name it. Each service package defines its own (the
 * core has no list of services: it finds them through {@code ConnectableService}). Its words live in the
 * service's bundle: {@code <key>.title}, {@code <key>.description}.
 *
 * @param key  as in URLs, configuration keys, metric tags and message codes: {@code evotor}, {@code vk}
 * @param icon a Bootstrap Icons class
 */
public record ServiceType(String key, String icon) implements Serializable {

    public ServiceType {
        if (!key.matches("[a-z][a-z0-9-]{0,9}")) {
            // Part of URLs, configuration keys, metric tags and the history's service column (10 characters).
            throw new IllegalArgumentException("A service key is 1-10 lower-case letters, digits or dashes: " + key);
        }
    }

    /** The service's name for owners. */
    public String title() {
        return Texts.render(key + ".title");
    }

    /** The service's own page: details, connect, reconnect. */
    public String pagePath() {
        return "/" + key;
    }

    // Getters for Faces EL (EL 5 does not read record components).
    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title();
    }

    public String getIcon() {
        return icon;
    }

    /** The add page's sentence: what connecting it is for. */
    public String getDescription() {
        return Texts.render(key + ".description");
    }

    public String getPagePath() {
        return pagePath();
    }

    /** The {@code confirm()} question of «Отключить», on the card and on the service's page. */
    public String getDisconnectQuestion() {
        return Texts.render("disconnect.question", title());
    }

    /** As the logs have always named services: EVOTOR, VK. */
    @Override
    public String toString() {
        return key.toUpperCase(Locale.ROOT);
    }
}

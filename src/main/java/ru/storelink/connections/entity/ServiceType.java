package ru.storelink.connections.entity;

import java.io.Serializable;
import java.util.Locale;

/**
 * What the pages and the logs call one service an account can connect. Each service package defines its
 * own (the core has no list of services: it finds them through {@code ConnectableService} beans).
 *
 * @param key           as in URLs, configuration keys and the {@code type} parameter: {@code evotor}, {@code vk}
 * @param title         the service's name for owners
 * @param icon          a Bootstrap Icons class
 * @param description   the add page's sentence: what connecting it is for
 */
public record ServiceType(String key, String title, String icon, String description)
        implements Serializable {

    public ServiceType {
        if (!key.matches("[a-z][a-z0-9-]{0,9}")) {
            // Part of URLs, configuration keys, metric tags and the history's service column (10 characters).
            throw new IllegalArgumentException("A service key is 1-10 lower-case letters, digits or dashes: " + key);
        }
    }

    /** The service's own page: details, connect, reconnect. */
    public String pagePath() {
        return "/" + key;
    }

    /** The {@code confirm()} question of «Отключить», on the card and on the service's page. */
    public String disconnectQuestion() {
        return "Вы уверены, что хотите отключить " + title + "?";
    }

    // Getters for Faces EL (EL 5 does not read record components).
    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public String getIcon() {
        return icon;
    }

    public String getDescription() {
        return description;
    }

    public String getPagePath() {
        return pagePath();
    }

    public String getDisconnectQuestion() {
        return disconnectQuestion();
    }

    /** As the logs have always named services: EVOTOR, VK. */
    @Override
    public String toString() {
        return key.toUpperCase(Locale.ROOT);
    }
}

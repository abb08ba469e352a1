package ru.storelink.connections.entity;

import java.util.Arrays;
import java.util.Optional;

/** The services an account can connect, with the words and pictures the pages use for them. */
public enum ServiceType {

    EVOTOR("evotor", "Эвотор", "bi-shop",
            "Подключите кассу Эвотор для синхронизации каталога товаров.",
            "Касса Эвотор подключена"),
    VK("vk", "ВКонтакте", "bi-chat-dots",
            "Подключите аккаунт ВКонтакте для публикации товаров в вашу группу.",
            "Аккаунт ВКонтакте подключён");

    private final String key;
    private final String title;
    private final String icon;
    private final String description;
    private final String connectedText;

    ServiceType(String key, String title, String icon, String description, String connectedText) {
        this.key = key;
        this.title = title;
        this.icon = icon;
        this.description = description;
        this.connectedText = connectedText;
    }

    /** As in URLs and in the {@code type} parameter: {@code evotor}, {@code vk}. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    public String description() {
        return description;
    }

    public String connectedText() {
        return connectedText;
    }

    /** The service's own page: details, connect, reconnect. */
    public String pagePath() {
        return "/" + key;
    }

    public static Optional<ServiceType> byKey(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    // Getters for Faces EL.
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

    /** The {@code confirm()} question of «Отключить», on the card and on the service's page. */
    public String getDisconnectQuestion() {
        return "Вы уверены, что хотите отключить " + title + "?";
    }
}

package ru.storelink.dashboard.boundary;

import ru.storelink.texts.Texts;

/**
 * What the dashboard's automatic refresh changes on one card, as ready-to-show texts: the page's script
 * only puts them in place (see resources/js/dashboard-refresh.js), so no wording lives in JavaScript.
 *
 * @param service the service key, which the card's element ids carry (status-evotor, note-vk, ...)
 * @param styleClass the status badge's colour class
 * @param icon the status badge's icon class
 * @param status the status in words
 * @param note why it is red, or that the last check failed for now; null when there is nothing to say
 * @param reconnect whether the card offers «Переподключить» (only the owner can repair it)
 */
public record CardStatus(String service, String styleClass, String icon, String status, String details, String note,
        String checked, boolean reconnect) {

    static CardStatus of(ConnectionCard card) {
        return new CardStatus(card.type().key(), card.status().getStyleClass(), card.status().getIcon(),
                Texts.render(card.status().getTextCode()), card.details(), card.note(), card.getCheckedText(),
                card.isReconnectNeeded());
    }
}

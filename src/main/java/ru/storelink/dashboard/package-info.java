/**
 * What an owner sees of their connections: the Connections page with one card per service, «Проверить
 * сейчас», the cards' own refresh ({@code GET /connections/status} with its pass instead of the session),
 * and the part every service page shares (state and check history). It may use
 * {@code accounts}, {@code connections} and {@code healthcheck}; it never names a service.
 */
package ru.storelink.dashboard;

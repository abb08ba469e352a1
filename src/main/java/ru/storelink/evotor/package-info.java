/**
 * Evotor, the cloud cash register, as a plug-in: its OAuth flow and REST clients, its probe with its error
 * table, its connection entity and store, and its part of the service page. It uses the core
 * ({@code connections}, {@code healthcheck}); no other package uses it.
 */
package ru.storelink.evotor;

/**
 * The core of connecting a service: the plug-in contract ({@code ConnectableService}, found through
 * {@code Services}), OAuth state and callback checks, sealed tokens, provider settings, the connection
 * entity every service extends, the add page and the connect/callback/disconnect endpoints shared by all
 * services. It may use {@code accounts}; it never names a service.
 */
package ru.storelink.connections;

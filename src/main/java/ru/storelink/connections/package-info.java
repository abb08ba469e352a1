/**
 * The core of connecting a service: the plug-in contract ({@code ConnectableService}, found through
 * {@code Services}), OAuth state and callback checks, sealed tokens and the compare-and-set that stores a
 * renewed grant ({@code Renewals}), provider settings, the connection entity every service extends and the
 * store that writes every connection table ({@code ConnectionStore}), the add page and the
 * connect/callback/disconnect endpoints shared by all services. It announces each authorization
 * ({@code ConnectionAuthorized}) to whoever keeps state about connections. It may use {@code accounts} and
 * {@code database}; it never names a service.
 */
package ru.storelink.connections;

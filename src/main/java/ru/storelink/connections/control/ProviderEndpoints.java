package ru.storelink.connections.control;

/**
 * Where one provider is, as configuration names it: the base of its OAuth endpoints and of its API, each
 * with a default (the real provider), and the paths under {@code /demo/<service>} where the simulated
 * provider answers in demo mode.
 */
public record ProviderEndpoints(String authorizationKey, String authorizationDefault, String apiKey, String apiDefault,
        String demoAuthorizationPath, String demoApiPath) {
}

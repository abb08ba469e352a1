package ru.storelink.connections.control;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach one provider, resolved from configuration. In demo mode (no client id
 * configured) both base URLs point at the simulated provider served by this application.
 *
 * @param authorizationUrl base of the provider's OAuth endpoints ({@code evotor.oauth-url}, {@code vk.id-url})
 * @param apiUrl           base of the provider's API ({@code evotor.api-url}, {@code vk.api-url})
 * @param redirectUri      our callback as registered with the provider
 * @param connectTimeout   to open a connection ({@code <service>.connect-timeout-ms})
 * @param readTimeout      for each read of the answer ({@code <service>.read-timeout-ms})
 * @param totalTimeout     for the whole call from its start ({@code <service>.total-timeout-ms}); checked
 *                         between reads, so a read in progress may add up to one read timeout
 */
public record ProviderSettings(
        String clientId,
        String clientSecret,
        URI authorizationUrl,
        URI apiUrl,
        URI redirectUri,
        boolean demo,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout) {

    /** The longest one call to this provider can take: the total deadline plus one read in progress. */
    public Duration worstCall() {
        return totalTimeout.plus(readTimeout);
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "ProviderSettings[clientId=" + clientId + ", authorizationUrl=" + authorizationUrl
                + ", apiUrl=" + apiUrl + ", redirectUri=" + redirectUri + ", demo=" + demo + "]";
    }
}

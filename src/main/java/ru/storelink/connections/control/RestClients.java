package ru.storelink.connections.control;

import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** How every MicroProfile REST client to a provider is built: configured timeouts, statuses left to us. */
public final class RestClients {

    private RestClients() {
    }

    public static RestClientBuilder builder(ProviderSettings settings) {
        return RestClientBuilder.newBuilder()
                // Every status is ours to interpret (an OAuth error body, a 429); without this a 4xx or 5xx
                // would surface as a WebApplicationException and reach the owner as that status.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}

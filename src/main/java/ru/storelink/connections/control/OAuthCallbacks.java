package ru.storelink.connections.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.connections.entity.ServiceType;

/**
 * The checks every OAuth callback passes before any provider is called: sane parameters, a state this
 * session issued for this service (consumed, so it works once), and no error from the provider.
 */
@RequestScoped
public class OAuthCallbacks {

    /** Real codes, states and device ids are well under this; anything longer is not from the provider. */
    static final int MAX_PARAMETER_LENGTH = 2048;

    private static final Logger LOG = Logger.getLogger(OAuthCallbacks.class.getName());

    @Inject
    PendingAuthorizations pending;

    /** A callback that passed the checks. */
    public record Verified(Pending pending, String code, MultivaluedMap<String, String> parameters) {

        public Optional<String> parameter(String name) {
            return Optional.ofNullable(parameters.getFirst(name)).filter(value -> !value.isBlank());
        }
    }

    /** The reason a callback is refused before any provider call. */
    public static class Refused extends Exception {

        private final ConnectFailure failure;

        Refused(ConnectFailure failure) {
            super(failure.name(), null, false, false);
            this.failure = failure;
        }

        public ConnectFailure failure() {
            return failure;
        }
    }

    public Verified verify(ServiceType type, MultivaluedMap<String, String> parameters) throws Refused {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().size() > 1
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.length() > MAX_PARAMETER_LENGTH)) {
                LOG.warning(() -> type + " callback refused: parameter " + abbreviate(parameter.getKey())
                        + " repeated or longer than " + MAX_PARAMETER_LENGTH);
                throw new Refused(ConnectFailure.BAD_CALLBACK);
            }
        }
        Pending started = pending.consume(type, parameters.getFirst("state"))
                .orElseThrow(() -> new Refused(ConnectFailure.STALE_STATE));
        String error = parameters.getFirst("error");
        if (error != null) {
            LOG.info(() -> type + " authorization ended with error " + abbreviate(error));
            throw new Refused("access_denied".equals(error) ? ConnectFailure.DENIED : ConnectFailure.BAD_CALLBACK);
        }
        String code = parameters.getFirst("code");
        if (code == null || code.isBlank()) {
            LOG.info(() -> type + " callback without a code");
            throw new Refused(ConnectFailure.BAD_CALLBACK);
        }
        return new Verified(started, code, parameters);
    }

    /** Parameter names and provider error codes are logged, but never at attacker-chosen length. */
    private static String abbreviate(String value) {
        String printable = value.replaceAll("[^\\p{Alnum}_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}

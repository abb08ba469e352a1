package ru.storelink.connections.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import ru.storelink.connections.control.ProviderException.Reason;

/**
 * The part of talking to a provider that is the same for Evotor and VK: making the call, sorting
 * transport failures and statuses into {@link Reason}s, and reading JSON bodies strictly.
 */
public final class ProviderResponses {

    /** Bodies larger than this are not an answer we asked for. */
    static final int MAX_BODY_CHARS = 1_000_000;

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProviderResponses() {
    }

    /** Calls the provider; a timeout, a refused connection or an unreadable stream is {@code UNAVAILABLE}. */
    public static Answer call(String what, Supplier<Response> call) throws ProviderException {
        try (Response response = call.get()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Answer(what, response.getStatus(), body == null ? "" : body);
        } catch (ProcessingException e) {
            throw new ProviderException(Reason.UNAVAILABLE, what + " failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    /** A provider's answer: status and body, read completely. */
    public record Answer(String what, int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** 429 and 5xx mean the provider is failing, not the owner's connection. */
        public boolean providerFailing() {
            return status == 429 || status >= 500;
        }

        public <T> T json(Class<T> type) throws ProviderException {
            if (body.length() > MAX_BODY_CHARS) {
                throw new ProviderException(Reason.MALFORMED, what + " answered " + body.length() + " characters");
            }
            try {
                T value = JSONB.fromJson(body, type);
                if (value == null) {
                    throw new ProviderException(Reason.MALFORMED, what + " answered an empty body");
                }
                return value;
            } catch (JsonbException e) {
                throw new ProviderException(Reason.MALFORMED, what + " answered unreadable JSON (HTTP " + status + ")");
            }
        }

        public ProviderException unexpected() {
            return new ProviderException(providerFailing() ? Reason.UNAVAILABLE : Reason.MALFORMED,
                    what + " answered HTTP " + status);
        }
    }
}

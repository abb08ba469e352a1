package ru.storelink.connections.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import ru.storelink.connections.control.ProviderException.Reason;

/**
 * The part of talking to a provider that is the same for Evotor and VK: making the call, sorting
 * transport failures and statuses into {@link Reason}s, and reading JSON bodies strictly.
 */
public final class ProviderResponses {

    /** Bodies larger than this are not an answer we asked for; reading stops there. */
    static final int MAX_BODY_BYTES = 1_000_000;

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProviderResponses() {
    }

    /**
     * Calls the provider and reads its answer as it streams in, at most {@link #MAX_BODY_BYTES} and no longer
     * than {@code total} from the start (checked between reads; each read has the client's read timeout).
     * A timeout, a refused connection, an unreadable stream or the deadline is {@code UNAVAILABLE}.
     */
    public static Answer call(String what, Duration total, Supplier<Response> call) throws ProviderException {
        long deadline = System.nanoTime() + total.toNanos();
        try (Response response = call.get()) {
            String body = response.hasEntity() ? read(what, response.readEntity(InputStream.class), deadline) : "";
            return new Answer(what, response.getStatus(), body);
        } catch (ProcessingException e) {
            throw new ProviderException(Reason.UNAVAILABLE, what + " failed: " + rootMessage(e), e);
        }
    }

    private static String read(String what, InputStream in, long deadline) throws ProviderException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (in) {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                body.write(chunk, 0, n);
                if (body.size() > MAX_BODY_BYTES) {
                    throw new ProviderException(Reason.MALFORMED, what + " answered more than " + MAX_BODY_BYTES + " bytes");
                }
                if (System.nanoTime() > deadline) {
                    throw new ProviderException(Reason.UNAVAILABLE, what + " did not finish its answer in time");
                }
            }
        } catch (IOException e) {
            throw new ProviderException(Reason.UNAVAILABLE, what + " failed while answering: " + rootMessage(e), e);
        }
        return body.toString(StandardCharsets.UTF_8);
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

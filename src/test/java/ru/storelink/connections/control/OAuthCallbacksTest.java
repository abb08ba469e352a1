package ru.storelink.connections.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.storelink.connections.control.OAuthCallbacks.Refused;
import ru.storelink.connections.control.OAuthCallbacks.Verified;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.vk.control.VkService;

class OAuthCallbacksTest {

    private final OAuthCallbacks callbacks = new OAuthCallbacks();

    OAuthCallbacksTest() {
        callbacks.pending = new PendingAuthorizations();
    }

    @Test
    void aGoodCallbackYieldsItsCodeAndAuthorization() throws Refused {
        Pending started = callbacks.pending.issue(VkService.TYPE);

        Verified verified = callbacks.verify(VkService.TYPE, params("code", "abc", "state", started.state(), "device_id", "d1"));

        assertThat(verified.code()).isEqualTo("abc");
        assertThat(verified.pending()).isEqualTo(started);
        assertThat(verified.parameter("device_id")).contains("d1");
    }

    @Test
    void refusalByTheOwnerIsReportedAsSuch() {
        Pending started = callbacks.pending.issue(EvotorService.TYPE);

        assertRefused(params("error", "access_denied", "error_description", "no", "state", started.state()), ConnectFailure.DENIED);
    }

    @Test
    void stateProblemsComeBeforeAnythingElse() {
        assertRefused(params("code", "abc"), ConnectFailure.STALE_STATE);
        assertRefused(params("code", "abc", "state", "forged"), ConnectFailure.STALE_STATE);
        assertRefused(params("error", "access_denied", "state", "forged"), ConnectFailure.STALE_STATE);
    }

    @Test
    void missingCodeOrOtherErrorsAreABadCallback() {
        assertRefused(params("state", callbacks.pending.issue(EvotorService.TYPE).state()), ConnectFailure.BAD_CALLBACK);
        assertRefused(params("error", "server_error", "state", callbacks.pending.issue(EvotorService.TYPE).state()),
                ConnectFailure.BAD_CALLBACK);
    }

    @Test
    void oversizedOrRepeatedParametersAreRefusedWithoutSpendingTheState() throws Refused {
        Pending started = callbacks.pending.issue(EvotorService.TYPE);

        assertRefused(params("code", "x".repeat(10_000), "state", started.state()), ConnectFailure.BAD_CALLBACK);
        MultivaluedMap<String, String> repeated = params("state", started.state());
        repeated.put("code", List.of("a", "b"));
        assertRefused(repeated, ConnectFailure.BAD_CALLBACK);

        assertThat(callbacks.verify(EvotorService.TYPE, params("code", "ok", "state", started.state())).code()).isEqualTo("ok");
    }

    private void assertRefused(MultivaluedMap<String, String> parameters, ConnectFailure expected) {
        assertThatThrownBy(() -> callbacks.verify(EvotorService.TYPE, parameters))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.failure()).isEqualTo(expected));
    }

    private static MultivaluedMap<String, String> params(String... namesAndValues) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}

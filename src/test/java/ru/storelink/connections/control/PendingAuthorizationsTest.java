package ru.storelink.connections.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.vk.control.VkService;

class PendingAuthorizationsTest {

    private final PendingAuthorizations pending = new PendingAuthorizations();

    @Test
    void aStateWorksOnceAndOnlyForItsService() {
        Pending evotor = pending.issue(EvotorService.TYPE);

        assertThat(pending.consume(EvotorService.TYPE, evotor.state())).contains(evotor);
        assertThat(pending.consume(EvotorService.TYPE, evotor.state())).as("replayed").isEmpty();
    }

    @Test
    void aStateArrivingAtTheOtherServicesCallbackIsRefusedAndBurnt() {
        Pending vk = pending.issue(VkService.TYPE);

        assertThat(pending.consume(EvotorService.TYPE, vk.state())).as("mix-up").isEmpty();
        assertThat(pending.consume(VkService.TYPE, vk.state())).as("burnt by the attempt").isEmpty();
    }

    @Test
    void unknownAndMissingStatesAreRefused() {
        pending.issue(EvotorService.TYPE);

        assertThat(pending.consume(EvotorService.TYPE, "forged")).isEmpty();
        assertThat(pending.consume(EvotorService.TYPE, null)).isEmpty();
    }

    @Test
    void statesAreLongRandomAndVerifiersFollowPkceRules() {
        Pending first = pending.issue(VkService.TYPE);
        Pending second = pending.issue(VkService.TYPE);

        assertThat(first.state()).hasSize(43).isNotEqualTo(second.state());
        assertThat(first.codeVerifier()).hasSize(64).matches("[A-Za-z0-9_-]+").isNotEqualTo(second.codeVerifier());
    }

    @Test
    void codeChallengeIsS256OfTheVerifier() {
        // Expected value computed independently: base64url(hashlib.sha256(verifier)) without padding, in Python.
        Pending known = new Pending(VkService.TYPE, "state", "dBjftJeZ4CVP-mJ92K9qpuMZ5AlCHO0NMGcLK8lF7Hg", Instant.now());

        assertThat(known.codeChallenge()).isEqualTo("bZ9vZKhfcFEW_t0CIREP8wWh43WcKqQyCNIoX05Xt9A");
    }

    @Test
    void aSessionKeepsOnlyItsNewestAuthorizations() {
        Pending oldest = pending.issue(EvotorService.TYPE);
        for (int i = 0; i < PendingAuthorizations.MAX_PENDING; i++) {
            pending.issue(EvotorService.TYPE);
        }

        assertThat(pending.consume(EvotorService.TYPE, oldest.state())).isEmpty();
    }

    @Test
    void secretsStayOutOfToString() {
        Pending issued = pending.issue(VkService.TYPE);

        assertThat(issued.toString()).doesNotContain(issued.state(), issued.codeVerifier());
    }
}

package ru.storelink.connections.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Texts;

/** A provider failure during a check: only a refused renewal is the owner's; each service has the words. */
class ProbeResultTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "evotor, GRANT_REFUSED, CREDENTIALS_REJECTED, evotor.refresh-refused",
            "evotor, ACCESS_REFUSED, CREDENTIALS_REJECTED, evotor.refresh-refused",
            "evotor, MALFORMED, TEMPORARY, evotor.malformed",
            "evotor, UNAVAILABLE, TEMPORARY, evotor.unreachable",
            "vk, GRANT_REFUSED, CREDENTIALS_REJECTED, vk.refresh-refused",
            "vk, MALFORMED, TEMPORARY, vk.malformed",
            "vk, UNAVAILABLE, TEMPORARY, vk.unreachable",
            "vk, NOTHING_TO_CONNECT, TEMPORARY, vk.unreachable"})
    void aFailureMeansWhatItsReasonSays(String key, Reason reason, CheckOutcome outcome, String code) {
        ProbeResult result = ProbeResult.failed(new ServiceType(key, "bi-x"), new ProviderException(reason, "test"));
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.reason().code()).isEqualTo(code);
        assertThat(Texts.knows(code)).as("the service's bundle has " + code).isTrue();
        assertThat(result.refreshMayHelp()).isFalse();
    }
}

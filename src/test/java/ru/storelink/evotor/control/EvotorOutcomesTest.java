package ru.storelink.evotor.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.texts.Texts;

/** Every row of docs/providers.md's Evotor error table, as the health check reads it. */
class EvotorOutcomesTest {

    @ParameterizedTest(name = "Evotor HTTP {0} -> {1}")
    @CsvSource({
            "200, WORKS",
            "401, CREDENTIALS_REJECTED", "403, CREDENTIALS_REJECTED",
            "400, OUR_MISCONFIGURATION",
            "429, TEMPORARY", "500, TEMPORARY", "502, TEMPORARY", "503, TEMPORARY", "504, TEMPORARY",
            "404, TEMPORARY"})
    void evotorStatuses(int status, CheckOutcome expected) {
        ProbeResult result = EvotorOutcomes.ofStatus(status);
        assertThat(result.outcome()).isEqualTo(expected);
        if (expected != CheckOutcome.WORKS) {
            assertThat(result.reason().code()).startsWith("evotor.");
            assertThat(Texts.render(result.reason())).as("its sentence names the status").contains(Integer.toString(status));
        }
    }
}

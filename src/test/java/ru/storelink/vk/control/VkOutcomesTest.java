package ru.storelink.vk.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.texts.Texts;

/** Every row of docs/providers.md's VK error table, as the health check reads it. */
class VkOutcomesTest {

    @ParameterizedTest(name = "VK error {0} -> {1}")
    @CsvSource({
            "5, CREDENTIALS_REJECTED", "3609, CREDENTIALS_REJECTED", "7, CREDENTIALS_REJECTED", "15, CREDENTIALS_REJECTED",
            "17, CREDENTIALS_REJECTED", "18, CREDENTIALS_REJECTED", "3610, CREDENTIALS_REJECTED",
            "6, TEMPORARY", "9, TEMPORARY", "29, TEMPORARY", "1, TEMPORARY", "10, TEMPORARY", "14, TEMPORARY",
            "28, OUR_MISCONFIGURATION",
            // Not in VK's table: never a reason to send the owner to reconnect.
            "100, TEMPORARY", "-1, TEMPORARY"})
    void vkErrorCodes(int code, CheckOutcome expected) {
        ProbeResult result = VkOutcomes.ofError(code);
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.reason().code()).startsWith("vk.");
        assertThat(Texts.knows(result.reason().code())).as("a sentence for " + result.reason().code()).isTrue();
    }
}

package ru.storelink.vk.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.storelink.connections.control.ProviderException.Reason;

/** Every row of providers.md's VK error table. */
class VkErrorCodesTest {

    @ParameterizedTest(name = "error {0} -> {1}")
    @CsvSource({
            "5, ACCESS_REFUSED", "3609, ACCESS_REFUSED", "7, ACCESS_REFUSED", "15, ACCESS_REFUSED",
            "17, ACCESS_REFUSED", "18, ACCESS_REFUSED", "3610, ACCESS_REFUSED",
            "6, UNAVAILABLE", "9, UNAVAILABLE", "29, UNAVAILABLE", "1, UNAVAILABLE", "10, UNAVAILABLE", "14, UNAVAILABLE",
            // Our own misconfiguration: never the owner's fault.
            "28, UNAVAILABLE",
            "100, MALFORMED", "-1, MALFORMED"})
    void mapsEachCode(int code, Reason expected) {
        assertThat(VkErrorCodes.reason(code)).isEqualTo(expected);
    }
}

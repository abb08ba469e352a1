package ru.storelink.connections.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A service's key goes into URLs, configuration keys, metric tags and a 10-character column. */
class ServiceTypeTest {

    @Test
    void aServiceIsNamedByItsKeyInPathsAndLogs() {
        ServiceType type = new ServiceType("evotor", "bi-shop");
        assertThat(type.pagePath()).isEqualTo("/evotor");
        assertThat(type.title()).as("from Evotor's bundle").isEqualTo("Эвотор");
        assertThat(type.getDisconnectQuestion()).isEqualTo("Вы уверены, что хотите отключить Эвотор?");
        assertThat(type).hasToString("EVOTOR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Evotor", "evotor/x", "../x", "a b", "averyverylongkey", "1vk"})
    void aKeyThatCannotStandInAUrlOrAColumnIsRefused(String key) {
        assertThatThrownBy(() -> new ServiceType(key, "bi-x")).isInstanceOf(IllegalArgumentException.class);
    }
}

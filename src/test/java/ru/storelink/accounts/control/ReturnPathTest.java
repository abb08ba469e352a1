package ru.storelink.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/connections", "/evotor", "/connections/add", "/vk?incidents-before=42", "/notifications"})
    void ourOwnPagesAreKept(String path) {
        assertThat(ReturnPath.of(path)).hasValue(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "connections", "//attacker.example", "//attacker.example/connections", "/\\attacker.example",
            "https://attacker.example/", "/%2F%2Fattacker.example", "/%5Cattacker.example", "/connections#x",
            "/connections\r\nSet-Cookie: a=b", "/login", "/login?next=/connections", "/register", "/login.xhtml", "/connections.xhtml", "/<script>",
            "javascript:alert(1)", "/connections?x=\"y\""})
    void anythingElseIsRefused(String candidate) {
        assertThat(ReturnPath.of(candidate)).isEmpty();
    }

    @Test
    void missingAndOverlongAreRefused() {
        assertThat(ReturnPath.of(null)).isEmpty();
        assertThat(ReturnPath.of("/" + "a".repeat(ReturnPath.MAX_LENGTH))).isEmpty();
    }
}

package ru.storelink.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every sentence of the message bundles, rendered once as an owner reads it (the other tests assert codes):
 * a row per code in {@code sentences.csv}; a new code without a row fails {@link #everyCodeOfTheBundlesHasARow}.
 */
class TextsTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "sentences.csv", delimiter = ';')
    void everySentenceAsAnOwnerReadsIt(String code, String args, String expected) {
        List<String> arguments = args == null ? List.of() : List.of(args.split("\\|"));
        assertThat(Texts.render(new Message(code, arguments))).isEqualTo(expected);
        // Stored and read back, it is the same sentence.
        assertThat(Message.decoded(new Message(code, arguments).encoded()).map(Texts::render)).contains(expected);
    }

    @Test
    void everyCodeOfTheBundlesHasARow() throws Exception {
        Set<String> codes = new TreeSet<>();
        for (String bundle : List.of("ru/storelink/messages.properties", "ru/storelink/evotor/messages.properties",
                "ru/storelink/vk/messages.properties", "ru/storelink/warehouse/messages.properties",
                "ru/storelink/history/messages.properties")) {
            codes.addAll(keys(bundle));
        }
        Set<String> rows = new TreeSet<>();
        try (InputStream in = TextsTest.class.getResourceAsStream("sentences.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.substring(0, line.indexOf(';')));
                }
            }
        }
        assertThat(rows).as("codes with a row in sentences.csv").containsAll(codes);
        assertThat(codes).as("rows of codes the bundles have").containsAll(rows);
    }

    @Test
    void textStoredBeforeCodesIsShownAsItIs() {
        assertThat(Message.decoded("Эвотор временно недоступен (HTTP 503)")).hasValueSatisfying(message ->
                assertThat(message.code()).isEqualTo(Message.VERBATIM));
        assertThat(Message.decoded(null)).isEmpty();
        assertThat(Message.decoded("vk.rate-limited|6")).contains(Message.of("vk.rate-limited", 6));
    }

    @Test
    void anUnknownCodeRendersAsItselfRatherThanAsNothing() {
        assertThat(Texts.knows("status.NO_SUCH")).isFalse();
        assertThat(Texts.render("status.NO_SUCH")).isEqualTo("status.NO_SUCH");
    }

    private static Set<String> keys(String resource) throws IOException {
        try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames();
        }
    }
}

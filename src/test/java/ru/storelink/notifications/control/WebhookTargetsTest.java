package ru.storelink.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ru.storelink.texts.Message;

class WebhookTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.8.8", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10",
            "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255",
            "192.0.0.8", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1",
            "::ffff:169.254.169.254", "ff02::1"})
    void addressesInsideSomeNetworkAreNotPublic(String address) throws UnknownHostException {
        assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "77.88.8.8", "172.32.0.1", "100.128.0.1", "2a00:1450:4010::65", "::ffff:77.88.8.8"})
    void addressesOnTheInternetArePublic(String address) throws UnknownHostException {
        assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "'';webhook.missing",
            "'   ';webhook.missing",
            "not a url;webhook.malformed",
            "javascript:alert(1);webhook.malformed",
            "ftp://8.8.8.8/hook;webhook.malformed",
            "https://user:secret@8.8.8.8/hook;webhook.malformed",
            "https://8.8.8.8/hook#part;webhook.malformed",
            "/relative/hook;webhook.malformed",
            "http://8.8.8.8/hook;webhook.not-https",
            "https://127.0.0.1/hook;webhook.private",
            "https://localhost:8443/hook;webhook.private",
            "https://[::1]/hook;webhook.private",
            "https://169.254.169.254/latest/meta-data;webhook.private",
            "https://10.0.0.5/hook;webhook.private"})
    void refusedTargets(String url, String code) {
        assertThat(WebhookTargets.problem(url, false)).map(Message::code).contains(code);
    }

    @Test
    void aHostThatTheResolverTurnsIntoLoopbackIsRefused() {
        // glibc reads 0x7f000001 as 127.0.0.1; another resolver may know no such host: refused either way.
        assertThat(WebhookTargets.problem("https://0x7f000001/hook", false)).map(Message::code)
                .hasValueSatisfying(code -> assertThat(code).isIn("webhook.private", "webhook.unknown-host"));
    }

    @Test
    void aLongUrlIsRefusedBeforeAnyLookup() {
        assertThat(WebhookTargets.problem("https://8.8.8.8/" + "a".repeat(500), false)).map(Message::code).contains("webhook.too-long");
    }

    @Test
    void aPublicHttpsTargetIsTaken() {
        assertThat(WebhookTargets.problem("https://8.8.8.8/storelink-hook?owner=1", false)).isEmpty();
    }

    @Test
    void testsMayAllowLoopbackAndPlainHttp() {
        assertThat(WebhookTargets.problem("http://127.0.0.1:8089/hook", true)).isEmpty();
        assertThat(WebhookTargets.problem("javascript:alert(1)", true)).as("still a URL").map(Message::code).contains("webhook.malformed");
    }

    @Test
    void theSignatureIsTheHmacOfTheBodyAsGitHubAndStripeDoIt() {
        // echo -n '{"event":"connection.broken"}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(Webhooks.sign("whsec_test", "{\"event\":\"connection.broken\"}"))
                .isEqualTo("591310a06c805e54fa1d82de6883ad0ea71393672e1db4f81ab971e4d813aed7");
        assertThat(Webhooks.sign("whsec_test", "{}")).isNotEqualTo(Webhooks.sign("whsec_other", "{}")).hasSize(64);
    }
}

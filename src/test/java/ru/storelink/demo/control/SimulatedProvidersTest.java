package ru.storelink.demo.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.storelink.evotor.control.SimulatedEvotor;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.vk.control.SimulatedVk;

/** The simulated providers keep the contract of docs/providers.md, so that demo mode and tests are honest. */
class SimulatedProvidersTest {

    private static final String EVOTOR_CALLBACK = "http://localhost:8080/evotor/callback";
    private static final String VK_CALLBACK = "http://localhost:8080/vk/callback";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("id:secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void evotorCodeWorksOnceWithTheRightClientAndPagesStores() {
        SimulatedEvotor evotor = new SimulatedEvotor("id", "secret", EVOTOR_CALLBACK);
        evotor.nextAccountHasStores(List.of(new Store("1", "A", ""), new Store("2", "B", ""), new Store("3", "C", "")));
        String code = query(evotor.approve("st")).get("code");
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", EVOTOR_CALLBACK);

        assertThat(evotor.token("Basic d3Jvbmc6d3Jvbmc=", form).status()).isEqualTo(401);
        SimulatedAnswer granted = evotor.token(BASIC, form);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(json(evotor.token(BASIC, form)).getString("error")).isEqualTo("invalid_grant");

        String bearer = "Bearer " + json(granted).getString("access_token");
        JsonObject first = json(evotor.stores(bearer, null));
        assertThat(first.getJsonArray("items")).hasSize(2);
        JsonObject second = json(evotor.stores(bearer, first.getJsonObject("paging").getString("next_cursor")));
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.getJsonObject("paging").isNull("next_cursor")).isTrue();
        assertThat(evotor.stores("Bearer nope", null).status()).isEqualTo(401);
    }

    @Test
    void evotorRefreshRotatesAndDenialCarriesTheState() {
        SimulatedEvotor evotor = new SimulatedEvotor("id", "secret", EVOTOR_CALLBACK);
        String code = query(evotor.approve("st")).get("code");
        JsonObject granted = json(evotor.token(BASIC, Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", EVOTOR_CALLBACK)));
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token", granted.getString("refresh_token"));

        assertThat(evotor.token(BASIC, refresh).status()).isEqualTo(200);
        assertThat(evotor.token(BASIC, refresh).status()).as("old refresh token rotated away").isEqualTo(400);
        assertThat(query(evotor.deny("st"))).containsEntry("error", "access_denied").containsEntry("state", "st");
    }

    @Test
    void vkDemandsTheMatchingPkceVerifierAndDevice() throws Exception {
        SimulatedVk vk = new SimulatedVk("vkid", VK_CALLBACK);
        String verifier = "x".repeat(64);
        Map<String, String> callback = query(vk.approve("st", challenge(verifier)));
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "client_id", "vkid", "device_id", callback.get("device_id"), "redirect_uri", VK_CALLBACK, "state", "st",
                "code_verifier", "y".repeat(64)));

        assertThat(json(vk.token(form)).getString("error")).isEqualTo("invalid_grant");

        callback = query(vk.approve("st", challenge(verifier)));
        form.put("code", callback.get("code"));
        form.put("device_id", callback.get("device_id"));
        form.put("code_verifier", verifier);
        JsonObject granted = json(vk.token(form));
        assertThat(granted.getJsonNumber("user_id").longValue()).isEqualTo(743784474L);
        assertThat(granted.getString("state")).isEqualTo("st");

        JsonObject user = json(vk.usersGet("Bearer " + granted.getString("access_token"), "5.199"));
        assertThat(user.getJsonArray("response").getJsonObject(0).getString("first_name")).isEqualTo("Персик");
    }

    @Test
    void vkRefusesAConsentWithoutPkceChallengeInsteadOfIssuingACode() {
        SimulatedVk vk = new SimulatedVk("vkid", VK_CALLBACK);

        for (String missing : new String[] {null, ""}) {
            Map<String, String> callback = query(vk.approve("st", missing));
            assertThat(callback).containsEntry("error", "invalid_request").containsEntry("state", "st").doesNotContainKey("code");
        }
    }

    @Test
    void vkErrorsArriveInsideHttp200() {
        SimulatedVk vk = new SimulatedVk("vkid", VK_CALLBACK);

        SimulatedAnswer revoked = vk.usersGet("Bearer unknown", "5.199");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(json(revoked).getJsonObject("error").getInt("error_code")).isEqualTo(5);
        assertThat(json(vk.usersGet("Bearer unknown", null)).getJsonObject("error").getInt("error_code")).isEqualTo(8);
    }

    @Test
    void aRefreshRotatesAndReusingTheRetiredTokenRevokesTheWholeGrant() {
        SimulatedVk vk = new SimulatedVk("vkid", VK_CALLBACK);
        vk.acceptGrant("access-0", "refresh-0", "device", new SimulatedVk.Profile(7, "Анна", "Иванова"));

        Instant beforeRotation = Instant.now();
        JsonObject first = json(vk.token(refresh("refresh-0")));
        Instant afterRotation = Instant.now();
        String rotated = first.getString("refresh_token");
        assertThat(rotated).isNotEqualTo("refresh-0");
        assertThat(json(vk.usersGet("Bearer " + first.getString("access_token"), "5.199")).containsKey("response")).isTrue();

        // The retired token again: invalid_grant, and the grant is gone — the new tokens included.
        assertThat(json(vk.token(refresh("refresh-0"))).getString("error")).isEqualTo("invalid_grant");
        assertThat(vk.refreshTokenReuses()).isEqualTo(1);
        assertThat(vk.lastRefreshTokenReuses()).singleElement().satisfies(reuse -> {
            assertThat(reuse.retiredAt()).isBetween(beforeRotation, afterRotation);
            assertThat(reuse.at()).isAfterOrEqualTo(afterRotation);
        });
        assertThat(json(vk.token(refresh(rotated))).getString("error")).isEqualTo("invalid_grant");
        assertThat(json(vk.usersGet("Bearer " + first.getString("access_token"), "5.199")).getJsonObject("error").getInt("error_code"))
                .isEqualTo(5);
    }

    @Test
    void aRefreshAnswerMayOmitTheRefreshTokenWhichThenStaysValid() {
        SimulatedVk vk = new SimulatedVk("vkid", VK_CALLBACK);
        vk.acceptGrant("access-0", "refresh-0", "device", new SimulatedVk.Profile(7, "Анна", "Иванова"));
        vk.omitRefreshTokens(1);

        JsonObject answer = json(vk.token(refresh("refresh-0")));
        assertThat(answer.containsKey("refresh_token")).isFalse();
        assertThat(json(vk.token(refresh("refresh-0"))).containsKey("access_token")).isTrue();
        assertThat(vk.refreshTokenReuses()).isZero();
    }

    @Test
    void evotorRetiresRefreshTokensToo() {
        SimulatedEvotor evotor = new SimulatedEvotor("id", "secret", EVOTOR_CALLBACK);
        String basic = "Basic " + Base64.getEncoder().encodeToString("id:secret".getBytes(StandardCharsets.UTF_8));
        Map<String, String> code = query(evotor.approve("st"));
        JsonObject granted = json(evotor.token(basic, Map.of("grant_type", "authorization_code", "code", code.get("code"),
                "redirect_uri", EVOTOR_CALLBACK)));
        String first = granted.getString("refresh_token");

        assertThat(json(evotor.token(basic, Map.of("grant_type", "refresh_token", "refresh_token", first))).containsKey("access_token")).isTrue();
        assertThat(json(evotor.token(basic, Map.of("grant_type", "refresh_token", "refresh_token", first))).getString("error"))
                .isEqualTo("invalid_grant");
        assertThat(evotor.refreshTokenReuses()).isEqualTo(1);
    }

    @Test
    void memoryIsBoundedOldestTokensAreForgotten() {
        SimulatedVk vk = new SimulatedVk("vkid", VK_CALLBACK, 3);
        for (int i = 0; i < 5; i++) {
            vk.acceptToken("token-" + i, new SimulatedVk.Profile(i, "Имя", "Фамилия"));
        }

        assertThat(json(vk.usersGet("Bearer token-0", "5.199")).getJsonObject("error").getInt("error_code")).isEqualTo(5);
        assertThat(json(vk.usersGet("Bearer token-4", "5.199")).containsKey("response")).isTrue();
    }

    private static Map<String, String> refresh(String refreshToken) {
        return Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "vkid",
                "device_id", "device", "state", "s");
    }

    private static JsonObject json(SimulatedAnswer answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}

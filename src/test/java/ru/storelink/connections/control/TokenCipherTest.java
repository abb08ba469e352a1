package ru.storelink.connections.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import ru.storelink.connections.control.TokenCipher.TokenUnreadableException;

class TokenCipherTest {

    private static final String TOKEN = "evotor-access-token-0123456789";
    private static final String CONTEXT = "evotor.access_token/account:42";

    private final TokenCipher cipher = new TokenCipher(key(1));

    @Test
    void sealedTokenOpensOnlyWithItsContext() {
        String sealed = cipher.seal(TOKEN, CONTEXT);

        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(TOKEN);
        assertThatThrownBy(() -> cipher.open(sealed, "evotor.access_token/account:43"))
                .isInstanceOf(TokenUnreadableException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "evotor.refresh_token/account:42"))
                .isInstanceOf(TokenUnreadableException.class);
    }

    @Test
    void sealedFormShowsNothingOfTheTokenAndNeverRepeats() {
        String first = cipher.seal(TOKEN, CONTEXT);
        String second = cipher.seal(TOKEN, CONTEXT);

        assertThat(first).startsWith("v1." + cipher.keyId() + ".").doesNotContain(TOKEN);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anyChangeToTheStoredValueIsDetected() {
        String sealed = cipher.seal(TOKEN, CONTEXT);
        String[] parts = sealed.split("\\.");
        byte[] body = Base64.getDecoder().decode(parts[2]);
        body[body.length - 1] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getEncoder().encodeToString(body);

        assertThatThrownBy(() -> cipher.open(tampered, CONTEXT)).isInstanceOf(TokenUnreadableException.class);
        assertThatThrownBy(() -> cipher.open("plain-token", CONTEXT)).isInstanceOf(TokenUnreadableException.class);
        assertThatThrownBy(() -> cipher.open(null, CONTEXT)).isInstanceOf(TokenUnreadableException.class);
        assertThatThrownBy(() -> cipher.open("v1." + parts[1] + ".AAAA", CONTEXT)).isInstanceOf(TokenUnreadableException.class);
    }

    @Test
    void anotherKeyCannotOpenAndTheMessageNamesNoSecret() {
        String sealed = cipher.seal(TOKEN, CONTEXT);
        TokenCipher other = new TokenCipher(key(2));

        assertThat(other.keyId()).isNotEqualTo(cipher.keyId());
        assertThatThrownBy(() -> other.open(sealed, CONTEXT))
                .isInstanceOf(TokenUnreadableException.class)
                .message().doesNotContain(TOKEN);
    }

    @Test
    void afterRotationOldTokensStayReadableAndNewOnesUseTheNewKey() {
        String sealedBefore = cipher.seal(TOKEN, CONTEXT);
        TokenCipher rotated = new TokenCipher(key(2), List.of(key(1)));

        String sealedAfter = rotated.seal(TOKEN, CONTEXT);

        assertThat(rotated.open(sealedBefore, CONTEXT)).isEqualTo(TOKEN);
        assertThat(sealedAfter).startsWith("v1." + rotated.keyId() + ".");
        assertThat(rotated.keyId()).isNotEqualTo(cipher.keyId());
        assertThatThrownBy(() -> cipher.open(sealedAfter, CONTEXT)).as("the old key cannot read new tokens")
                .isInstanceOf(TokenUnreadableException.class);
    }

    @Test
    void keyMustBe256Bits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenCipher(new byte[16]));
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[TokenCipher.KEY_BYTES];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}

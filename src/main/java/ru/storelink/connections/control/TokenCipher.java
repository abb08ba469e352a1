package ru.storelink.connections.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals provider tokens for storage: AES-256-GCM with a fresh random 96-bit nonce per encryption, so equal
 * tokens never look equal at rest and any change to a stored value is detected. The caller passes the
 * place the value belongs to (for example {@code "evotor.access_token/account:42"}) as associated data:
 * a sealed token copied into another owner's row does not open.
 *
 * <p>Sealed form: {@code v1.<key id>.<base64(nonce || ciphertext || tag)>}. The key id (first 8 hex digits
 * of the key's SHA-256) finds the key a value was sealed with, which is what makes rotation work: new values
 * are sealed with the current key, values sealed with a previous key still open.
 */
public final class TokenCipher {

    public static final int KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    /** The current key and the previous ones, by key id. */
    private final Map<String, SecretKey> readable = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(byte[] keyBytes) {
        this(keyBytes, List.of());
    }

    /** @param previousKeys keys of earlier rotations: values sealed with them still open */
    public TokenCipher(byte[] keyBytes, List<byte[]> previousKeys) {
        this.key = aesKey(keyBytes);
        this.keyId = keyId(keyBytes);
        for (byte[] previous : previousKeys) {
            readable.put(keyId(previous), aesKey(previous));
        }
        readable.put(keyId, key);
    }

    private static SecretKey aesKey(byte[] keyBytes) {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("A token key must be " + KEY_BYTES + " bytes, not " + keyBytes.length);
        }
        return new SecretKeySpec(keyBytes, "AES");
    }

    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + "." + keyId + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws TokenUnreadableException if the value was altered, sealed for another place or another key */
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new TokenUnreadableException("not a sealed token");
        }
        SecretKey sealedWith = readable.get(parts[1]);
        if (sealedWith == null) {
            throw new TokenUnreadableException("sealed with unknown key " + parts[1] + ", current key is " + keyId);
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw new TokenUnreadableException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealedWith, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new TokenUnreadableException("authentication failed");
        }
    }

    public String keyId() {
        return keyId;
    }

    /**
     * A key of its own for another use of the same secret ({@code purpose} names it), so that an admin keeps
     * one secret and no two uses share a key: HMAC-SHA256 of the purpose under the token key.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    static String keyId(byte[] keyBytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored token that cannot be opened with the current key. The message never contains the token. */
    public static class TokenUnreadableException extends RuntimeException {

        public TokenUnreadableException(String reason) {
            super("Stored token unreadable: " + reason);
        }
    }
}

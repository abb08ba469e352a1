package ru.storelink.connections.control;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The session's anti-CSRF token for the plain HTML forms that post to JAX-RS (deleting a connection).
 * A forged cross-site post already arrives without the session cookie (SameSite=Lax); the token also
 * stops a post from any page that is not ours.
 */
@Named
@SessionScoped
public class FormToken implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String FIELD = "token";

    private final String value;

    public FormToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String getValue() {
        return value;
    }

    public boolean matches(String submitted) {
        return submitted != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.UTF_8));
    }
}

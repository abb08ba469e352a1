package ru.storelink.dashboard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.storelink.connections.control.TokenCipher;

/**
 * The dashboard's refresh pass: what lets the page ask for its cards' status without the session cookie.
 * Payara stores the whole replicated session at the end of every request that carries the cookie, however
 * little the request did, so a refresh that sent it would cost a session write to the data grid every few
 * seconds per open dashboard. The page instead gets a pass when it is rendered — the account, an expiry and
 * an HMAC-SHA256 over both under a key derived from the token key (so every instance accepts every other's) —
 * and sends it in the {@code Authorization} header. It reads one owner's card status and nothing else, and
 * expires with the session's idle time (or its absolute limit), so a dashboard left open still ends up at
 * the login page.
 */
@ApplicationScoped
public class RefreshPasses {

    static final String PURPOSE = "storelink dashboard refresh pass v1";
    /** account id, expiry in epoch seconds, 43 characters of base64url HMAC. */
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,18})\\.([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{43})");

    private byte[] key;

    RefreshPasses() {
        // for CDI's proxy
    }

    @Inject
    RefreshPasses(TokenCipher cipher) {
        this(cipher.derivedKey(PURPOSE));
    }

    RefreshPasses(byte[] key) {
        this.key = key.clone();
    }

    /** A pass for {@code accountId}, valid until {@code until}. */
    public String issue(long accountId, Instant until) {
        String claims = accountId + "." + until.getEpochSecond();
        return claims + "." + signature(claims);
    }

    /** The account a pass stands for, if it is well-formed, ours and not expired at {@code now}. */
    public OptionalLong accountOf(String pass, Instant now) {
        if (pass == null) {
            return OptionalLong.empty();
        }
        var parts = FORM.matcher(pass);
        if (!parts.matches()) {
            return OptionalLong.empty();
        }
        String claims = parts.group(1) + "." + parts.group(2);
        byte[] expected = signature(claims).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return OptionalLong.empty();
        }
        try {
            if (Long.parseLong(parts.group(2)) <= now.getEpochSecond()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(parts.group(1)));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    private String signature(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}

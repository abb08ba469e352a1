package ru.storelink.accounts.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The subjects login limits are counted for, as stored in {@code login_limit.subject}. Pure functions.
 */
public final class ThrottleKeys {

    /** Every wrong password anywhere. */
    public static final String GLOBAL = "global";

    private ThrottleKeys() {
    }

    /**
     * An e-mail address, registered or not. Stored as a hash: the table must not collect the addresses that
     * strangers typed, and the limit must not depend on whether an account exists.
     */
    public static String email(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CredentialRules.normalizeEmail(email).getBytes(StandardCharsets.UTF_8));
            return "email:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A client address as the server sees it. IPv6 clients are counted per /64, the block one household or
     * one server usually gets: counting single IPv6 addresses would let anyone rotate through billions.
     */
    public static String client(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "ip:unknown";
        }
        String address = remoteAddress.strip();
        if (address.indexOf(':') >= 0) {
            try {
                // A literal address: no DNS lookup happens.
                InetAddress parsed = InetAddress.getByName(address.replaceAll("^\\[|\\]$|%.*$", ""));
                if (parsed instanceof Inet6Address) {
                    byte[] bytes = parsed.getAddress();
                    StringBuilder prefix = new StringBuilder("ip:");
                    for (int i = 0; i < 8; i += 2) {
                        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return prefix.append(":/64").toString();
                }
                address = parsed.getHostAddress();
            } catch (UnknownHostException e) {
                return "ip:unknown";
            }
        }
        return "ip:" + (address.length() > 45 ? address.substring(0, 45) : address);
    }
}

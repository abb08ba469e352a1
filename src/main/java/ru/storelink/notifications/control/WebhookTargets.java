package ru.storelink.notifications.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.texts.Message;

/**
 * Which webhook URLs Storelink will call: HTTPS, and a host whose every address is public. A target on
 * loopback, a private network, link-local (the cloud metadata service at 169.254.169.254), CGNAT, multicast
 * or "any" would let an owner make the server call inside its own network (SSRF). Checked when the owner
 * saves the URL, and again before every delivery (the name may resolve elsewhere by then).
 * {@code notify.webhook.allow-private=true} lifts both rules, for tests on loopback only.
 */
public final class WebhookTargets {

    static final int LONGEST_URL = 500;

    private WebhookTargets() {
    }

    /** @return why the URL cannot be a webhook, as the owner reads it; empty when it can */
    public static Optional<Message> problem(String url) {
        boolean allowPrivate = ConfigProvider.getConfig().getOptionalValue("notify.webhook.allow-private", Boolean.class).orElse(false);
        return problem(url, allowPrivate);
    }

    static Optional<Message> problem(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            return Optional.of(Message.of("webhook.missing"));
        }
        if (url.length() > LONGEST_URL) {
            return Optional.of(Message.of("webhook.too-long", LONGEST_URL));
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of(Message.of("webhook.malformed"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(Message.of("webhook.malformed"));
        }
        if (!scheme.equals("https") && !allowPrivate) {
            return Optional.of(Message.of("webhook.not-https"));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(Message.of("webhook.unknown-host", uri.getHost()));
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return Optional.of(Message.of("webhook.private", uri.getHost()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // CGNAT, 100.64.0.0/10
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local, fc00::/7
            }
            boolean mappedV4 = true;
            for (int i = 0; i < 10; i++) {
                mappedV4 &= bytes[i] == 0;
            }
            if (mappedV4 && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}

package ru.storelink.accounts.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the login page sends an owner after sign-in: the page they asked for, carried in {@code ?next=} instead
 * of a session (an anonymous visitor gets none, so a flood of requests for protected pages costs no memory). Only
 * a path of this application is accepted — never a scheme, a host, {@code //} or a backslash, which a browser
 * would follow to another site — and never the login or registration page itself, nor a Faces file's raw name.
 */
public final class ReturnPath {

    static final int MAX_LENGTH = 512;
    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9._~%/-]*(\\?[A-Za-z0-9._~%&=+-]*)?");
    private static final Pattern ENCODED_SLASHES_OR_BACKSLASH = Pattern.compile("%2F%2F|%5C", Pattern.CASE_INSENSITIVE);

    private ReturnPath() {
    }

    /** The path to return to, if {@code candidate} (as it came from a request) is one of ours. */
    public static Optional<String> of(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH || !SAFE.matcher(candidate).matches()
                || candidate.startsWith("//") || ENCODED_SLASHES_OR_BACKSLASH.matcher(candidate).find()) {
            return Optional.empty();
        }
        String path = candidate.contains("?") ? candidate.substring(0, candidate.indexOf('?')) : candidate;
        if (path.equals("/login") || path.startsWith("/login/") || path.equals("/register") || path.startsWith("/register/")
                || path.endsWith(".xhtml")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}

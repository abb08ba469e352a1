package ru.storelink.texts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sentence for an owner, as a code and its arguments. Control and entity code speaks in messages;
 * only the boundary renders them ({@link Texts}), so a change of wording changes no stored row and no test
 * that asserts a code. Stored in the database as {@code code|argument|argument}.
 *
 * @param code the bundle key: {@code status.WORKING}, {@code vk.token-refused}; its first segment names a
 *             service's own bundle where it has one
 */
public record Message(String code, List<String> args) {

    /** Stored text from before codes: shown as it is. */
    public static final String VERBATIM = "verbatim";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)*");
    private static final String SEPARATOR = "|";

    public Message {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Not a message code: " + code);
        }
        args = List.copyOf(args);
    }

    public static Message of(String code, Object... args) {
        return new Message(code, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** As stored; an argument cannot contain the separator (it becomes a slash). */
    public String encoded() {
        StringBuilder stored = new StringBuilder(code);
        for (String arg : args) {
            stored.append(SEPARATOR).append(arg.replace(SEPARATOR, "/"));
        }
        return stored.toString();
    }

    /** A stored message; text stored before codes existed comes back {@link #VERBATIM}. Empty for none. */
    public static Optional<Message> decoded(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        String[] parts = stored.split(Pattern.quote(SEPARATOR), -1);
        if (!CODE.matcher(parts[0]).matches()) {
            return Optional.of(of(VERBATIM, stored));
        }
        return Optional.of(new Message(parts[0], Arrays.asList(parts).subList(1, parts.length)));
    }

    @Override
    public String toString() {
        return encoded();
    }
}

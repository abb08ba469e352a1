package ru.storelink.texts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Renders every sentence an owner sees, in Russian, from one message bundle: {@code ru/storelink/messages.properties}
 * for the core, and for a code whose first segment is a service's key, that service's own
 * {@code ru/storelink/<key>/messages.properties} (a plug-in brings its words with it). Pages use it as
 * {@code #{texts.of('status.WORKING')}}; Java boundary code calls {@link #render}.
 */
@Named
@ApplicationScoped
public class Texts {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private static final Logger LOG = Logger.getLogger(Texts.class.getName());
    private static final String CORE = "ru.storelink.messages";
    private static final Map<String, Optional<ResourceBundle>> BUNDLES = new ConcurrentHashMap<>();
    /** Parsed patterns of the codes that have one (a finite set: the bundles'). */
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();
    /** The sentence of each code found so far; misses are not kept. */
    private static final Map<String, String> PATTERNS = new ConcurrentHashMap<>();

    /** For pages: the sentence of a code without arguments. */
    public String of(String code) {
        return render(code);
    }

    public static String render(String code, Object... args) {
        return render(Message.of(code, args));
    }

    public static String render(Message message) {
        String pattern = pattern(message.code());
        if (pattern == null) {
            LOG.severe(() -> "No text for message code " + message.code() + ": add it to the message bundle");
            return message.code();
        }
        if (message.args().isEmpty()) {
            return pattern;
        }
        // Parsing a pattern costs more than formatting it, and a dashboard formats some sixty (its strip's days)
        // per render; a MessageFormat is not thread-safe, so each use formats with its own copy.
        MessageFormat parsed = FORMATS.computeIfAbsent(message.code(), code -> new MessageFormat(pattern, RUSSIAN));
        return ((MessageFormat) parsed.clone()).format(message.args().toArray());
    }

    /** Whether a bundle has a sentence for {@code code}. */
    public static boolean knows(String code) {
        return pattern(code) != null;
    }

    /** The text of a code, or null when no bundle has it. */
    static String pattern(String code) {
        String known = PATTERNS.get(code);
        if (known != null) {
            return known;
        }
        String found = lookUp(code);
        if (found != null) {
            PATTERNS.put(code, found);
        }
        return found;
    }

    private static String lookUp(String code) {
        int dot = code.indexOf('.');
        if (dot > 0) {
            Optional<ResourceBundle> own = bundle("ru.storelink." + code.substring(0, dot) + ".messages");
            if (own.isPresent() && own.get().containsKey(code)) {
                return own.get().getString(code);
            }
        }
        Optional<ResourceBundle> core = bundle(CORE);
        return core.isPresent() && core.get().containsKey(code) ? core.get().getString(code) : null;
    }

    private static Optional<ResourceBundle> bundle(String baseName) {
        return BUNDLES.computeIfAbsent(baseName, name -> {
            try {
                return Optional.of(ResourceBundle.getBundle(name, RUSSIAN, Texts.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                return Optional.empty();
            }
        });
    }
}

package ru.storelink.connections.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the token key comes from: {@code app.token-key} (base64 of 32 random bytes) when an admin set it;
 * otherwise a key generated once into {@code <app.data-dir>/token.key}, readable by the owner only, so that
 * the first run needs nothing and later runs can still read the tokens they stored (development only:
 * {@code DeploymentRules} refuses it on PostgreSQL). Rotation: the new key in {@code app.token-key}, the old
 * ones in {@code app.token-key.previous} (comma-separated); tokens sealed with an old key stay readable.
 */
@ApplicationScoped
public class TokenKey {

    static final String KEY_FILE = "token.key";

    private static final Logger LOG = Logger.getLogger(TokenKey.class.getName());

    @Inject
    @ConfigProperty(name = "app.token-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "app.data-dir", defaultValue = "./data")
    String dataDir;

    @Produces
    @Singleton
    TokenCipher cipher() {
        byte[] key = configuredKey.filter(value -> !value.isBlank())
                .map(TokenKey::decode)
                .orElseGet(() -> generatedKey(Path.of(dataDir).resolve(KEY_FILE)));
        // Read directly: Payara cannot inject Optional<List<String>>.
        List<byte[]> previous = ConfigProvider.getConfig().getOptionalValues("app.token-key.previous", String.class)
                .orElse(List.of()).stream().filter(value -> !value.isBlank()).map(TokenKey::decode).toList();
        TokenCipher cipher = new TokenCipher(key, previous);
        LOG.info(() -> "Token key " + cipher.keyId() + " in use ("
                + (configuredKey.filter(v -> !v.isBlank()).isPresent() ? "app.token-key" : "generated, " + KEY_FILE) + ")");
        return cipher;
    }

    static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("app.token-key is not base64 (generate one with: openssl rand -base64 32)");
        }
    }

    static byte[] generatedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[TokenCipher.KEY_BYTES];
                new SecureRandom().nextBytes(key);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
                LOG.warning(() -> "Generated a development token key at " + file.toAbsolutePath()
                        + "; set app.token-key (APP_TOKEN_KEY) for real deployments");
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key " + file.toAbsolutePath(), e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another instance sharing the data directory was faster; use its key
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}

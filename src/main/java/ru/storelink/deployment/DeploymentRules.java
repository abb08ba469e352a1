package ru.storelink.deployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a real deployment must have configured. The embedded H2 database means a developer's machine;
 * PostgreSQL means a deployment, possibly of several instances, where a token key generated into one
 * instance's data folder would make every other instance unable to read the tokens, and where owners reach
 * the application through a public address that must be HTTPS.
 */
public final class DeploymentRules {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private DeploymentRules() {
    }

    /** @return the reasons to refuse starting; empty when all is well */
    public static List<String> problems(String dbUrl, boolean tokenKeyConfigured, String publicUrl) {
        List<String> problems = new ArrayList<>();
        if (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:")) {
            return problems;
        }
        if (!tokenKeyConfigured) {
            problems.add("app.token-key (APP_TOKEN_KEY) must be set on PostgreSQL: the generated development key "
                    + "lives in one instance's data folder (generate one with: openssl rand -base64 32)");
        }
        URI url = URI.create(publicUrl);
        if (!"https".equals(url.getScheme()) && !LOOPBACK.contains(String.valueOf(url.getHost()))) {
            problems.add("app.public-url (APP_PUBLIC_URL) must be an https:// address in a deployment, not " + publicUrl);
        }
        return problems;
    }
}

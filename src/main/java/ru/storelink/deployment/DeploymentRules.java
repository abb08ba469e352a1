package ru.storelink.deployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a real deployment must have configured. The embedded H2 database means a developer's machine;
 * PostgreSQL means a deployment, possibly of several instances, where a token key generated into one
 * instance's data folder would make every other instance unable to read the tokens, and where owners reach
 * the application through a public address that must be HTTPS, and where a service without a client id
 * would quietly serve the simulated provider of demo mode to real owners.
 */
public final class DeploymentRules {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private DeploymentRules() {
    }

    /** @return the reasons to refuse starting; empty when all is well */
    public static List<String> problems(String dbUrl, boolean tokenKeyConfigured, String publicUrl) {
        List<String> problems = new ArrayList<>();
        if (!isDeployment(dbUrl)) {
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

    /**
     * Demo mode (a service without a client id gets the built-in simulator) is for trying Storelink on a
     * developer's machine. On PostgreSQL it is refused unless the admin asked for it with {@code app.demo=true}:
     * a forgotten {@code EVOTOR_CLIENT_ID} must stop the deployment, not show owners a fake Evotor.
     *
     * @param servicesInDemo keys of the services that have no client id ("evotor", "vk")
     * @param demoRequested  {@code app.demo}
     * @return the reasons to refuse starting; empty when all is well
     */
    public static List<String> demoProblems(String dbUrl, List<String> servicesInDemo, boolean demoRequested) {
        if (!isDeployment(dbUrl) || servicesInDemo.isEmpty() || demoRequested) {
            return List.of();
        }
        String keys = servicesInDemo.stream()
                .map(service -> service + ".client-id (" + service.toUpperCase(Locale.ROOT) + "_CLIENT_ID)")
                .collect(Collectors.joining(", "));
        return List.of(keys + " not set on PostgreSQL: those services would run in demo mode against the "
                + "built-in simulated providers. Set the client ids of the real services, or set app.demo=true "
                + "(APP_DEMO) if this deployment is meant to be a demo");
    }

    public static boolean isDeployment(String dbUrl) {
        return dbUrl != null && dbUrl.startsWith("jdbc:postgresql:");
    }
}

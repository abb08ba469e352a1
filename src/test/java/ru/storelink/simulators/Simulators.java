package ru.storelink.simulators;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the loopback Evotor and VK simulators once per test JVM, on the ports the build reserved and
 * gave the application under test, and resets them before each test. Use with
 * {@code @ExtendWith(Simulators.class)} and {@link #evotor()} / {@link #vk()}.
 */
public final class Simulators implements BeforeAllCallback, BeforeEachCallback {

    public static final String EVOTOR_CLIENT_ID = "test-evotor-client";
    public static final String EVOTOR_CLIENT_SECRET = "test-evotor-secret";
    public static final String VK_CLIENT_ID = "test-vk-client";

    private static EvotorSimulator evotor;
    private static VkSimulator vk;

    public static synchronized EvotorSimulator evotor() {
        start();
        return evotor;
    }

    public static synchronized VkSimulator vk() {
        start();
        return vk;
    }

    private static synchronized void start() {
        if (evotor == null) {
            String publicUrl = System.getProperty("storelink.base-url", "http://localhost:8080");
            evotor = new EvotorSimulator(port("storelink.simulator.evotor.port"), EVOTOR_CLIENT_ID, EVOTOR_CLIENT_SECRET,
                    publicUrl + "/evotor/callback");
            vk = new VkSimulator(port("storelink.simulator.vk.port"), VK_CLIENT_ID, publicUrl + "/vk/callback");
            evotor.reset();
            vk.reset();
        }
    }

    private static int port(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run the tests through Maven (mvn verify)");
        }
        return Integer.parseInt(value);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        evotor().reset();
        vk().reset();
    }
}

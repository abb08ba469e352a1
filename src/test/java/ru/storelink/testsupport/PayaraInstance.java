package ru.storelink.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One more Storelink instance besides the server under test: the packaged WAR on its own Payara Micro
 * process (two-instance test, load-and-fault suite).
 */
public final class PayaraInstance {

    private final String name;
    private final URI baseUrl;
    private final Process process;

    private PayaraInstance(String name, URI baseUrl, Process process) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.process = process;
    }

    /** Starts the packaged WAR on {@code port} with the given JVM and Payara Micro options, logging to {@code log}. */
    public static PayaraInstance start(String name, Path log, int port, String jvmOptions, String microOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java").getPath()));
        command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
        // Tests reach every extra instance at its own port, standing in for a load balancer that would send the
        // public Host to it; app.public-url names the test server's port. Without this the instance would
        // redirect each request to the test server (app.canonical-redirect, README), last -D wins.
        command.add("-Dapp.canonical-redirect=false");
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("storelink.war"),
                "--port", String.valueOf(port), "--disablephonehome"));
        command.addAll(Arrays.asList(microOptions.trim().split("\\s+")));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PayaraInstance(name, URI.create("http://localhost:" + port + "/"), process);
    }

    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Waiting.upTo(timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see its log");
            }
            return readiness(http) == 200;
        });
    }

    /** The status of {@code /health/ready}, or -1 when the instance does not answer. */
    public int readiness(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(baseUrl.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A graceful stop (SIGTERM: shutdown hooks run, a flight recording is written), forced after 60 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** {@code kill -9}: no shutdown hook, no undeploy, leases and in-flight checks left as they are. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Resident set size of the server process, in MiB (Linux /proc). */
    public long rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // The process ended between two samples.
        }
        return 0;
    }

    /** Writes the instance's threads to {@code file} ({@code jcmd Thread.print}): what a stalled instance waits for. */
    public void dumpThreads(Path file) {
        try {
            new ProcessBuilder(new File(System.getProperty("java.home"), "bin/jcmd").getPath(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The instance's JVM: lease holders are named {@code <pid>@<host>/...} in the connection tables. */
    public long pid() {
        return process.pid();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String name() {
        return name;
    }
}

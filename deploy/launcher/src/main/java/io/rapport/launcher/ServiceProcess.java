package io.rapport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running from its built jar, as a user runs it, in a process of its own with its log in a file.
 * A shell watchdog stands between: when this JVM closes the pipe, or dies, the service gets SIGTERM and shuts
 * down cleanly; Ctrl-C in the terminal reaches the launcher only, which stops the services in order.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process watchdog;

    ServiceProcess(Service service, int port, Path jar, List<String> jvmOptions, Map<String, String> config, Path log) {
        this.service = service;
        this.port = port;
        this.log = log;
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(jvmOptions);
        config.forEach((key, value) -> java.add("-D" + key + "=" + value));
        java.addAll(List.of("-jar", jar.toString()));
        this.command = java;
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the service; returns at once (see {@link #awaitReady}). */
    public synchronized void start() {
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c",
                // the service runs in the background (so Ctrl-C of the terminal does not reach it); it gets
                // SIGTERM when our end of the pipe closes, and the shell waits for it to finish
                "\"$@\" & child=$!; trap '' INT; cat >/dev/null; kill -TERM $child 2>/dev/null; wait $child",
                service.module()));
        wrapped.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(wrapped).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // glibc's per-thread malloc arenas would add tens of MiB of resident memory to each JVM
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            watchdog = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails quoting the end of the log. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long graceEnds = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            // the shell forks the JVM a moment after start(): not seeing it yet is not an exit
            if (!alive() && (watchdog == null || !watchdog.isAlive() || System.nanoTime() > graceEnds)) {
                throw new IllegalStateException(service.module() + " exited during start-up:\n" + tail());
            }
            if (ready()) {
                return;
            }
            pause(200);
        }
        throw new IllegalStateException(service.module() + " was not ready after " + timeout + ":\n" + tail());
    }

    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized boolean alive() {
        return watchdog != null && watchdog.isAlive() && javaProcess() != null;
    }

    /** SIGTERM and wait: the service finishes what it is doing (a clean shutdown). */
    public synchronized void stop() {
        if (watchdog == null) {
            return;
        }
        try {
            watchdog.getOutputStream().close();
            if (!watchdog.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        watchdog = null;
    }

    /** SIGKILL: the service dies mid-work, as in a crash (the fault drills use it). */
    public synchronized void kill() {
        if (watchdog == null) {
            return;
        }
        ProcessHandle java = javaProcess();
        if (java != null) {
            java.destroyForcibly();
            java.onExit().join();
        }
        try {
            watchdog.getOutputStream().close();
            watchdog.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException ignored) {
            // the shell is going down with its child
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.destroyForcibly();
        watchdog = null;
    }

    /** The service's own process (the JVM), for its pid and memory. */
    public synchronized ProcessHandle javaProcess() {
        return watchdog == null ? null : watchdog.toHandle().children().findFirst().orElse(null);
    }

    /** Resident memory of the service's JVM in bytes (Linux), or -1. */
    public long residentBytes() {
        ProcessHandle java = javaProcess();
        if (java == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(java.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

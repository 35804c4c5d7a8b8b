package org.orglife.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the repackaged jar in its own JVM with the {@code postgres} profile, its
 * own port and node name (job lock owner and job log host name), the job executor on. Its output
 * goes to {@code <name>.log} in the given folder.
 */
final class AppNode {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private volatile boolean down;

    private AppNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** The settings every node shares: the jar, the database and the passwords. */
    record Settings(Path jar, String databaseUrl, String databaseUser, String databasePassword, String adminPassword,
            String userPassword, Path logDirectory) {
    }

    static AppNode start(String name, Settings s) throws IOException {
        int port = freePort();
        Files.createDirectories(s.logDirectory());
        Path log = s.logDirectory().resolve(name + ".log");
        Path county = s.logDirectory().resolve("county.yaml");
        Files.writeString(county, CrashRoster.COUNTY_YAML, java.nio.charset.StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                // the job log's timestamps are read back by the test: one time zone for all
                "-Duser.timezone=" + TimeZone.getDefault().getID(),
                "-jar", s.jar().toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + s.databaseUrl(),
                "--spring.datasource.username=" + s.databaseUser(),
                "--spring.datasource.password=" + s.databasePassword(),
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--orglife.node-name=" + name,
                "--orglife.demo.enabled=false",
                "--orglife.demo.campaign=false",
                "--orglife.identity.initial-password=" + s.userPassword(),
                "--camunda.bpm.job-execution.enabled=true",
                "--spring.config.additional-location=file:" + county.toAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("ORGLIFE_ADMIN_PASSWORD", s.adminPassword());
        builder.environment().remove("ORGLIFE_NODE_NAME");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        // a test run that is itself stopped must not leave nodes behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new AppNode(name, port, log, process);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Marked down by the test when it kills the node: no request is sent to it after that. */
    boolean down() {
        return down;
    }

    /** Waits until the engine's REST API answers the administrator; fails with the log's tail if the JVM died. */
    void awaitReady(Duration timeout, String adminPassword) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                        + logTail(60));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/engine"))
                        .header("Authorization", basic).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            RealTime.pause(500);
        }
        throw new IllegalStateException(name + " did not answer within " + timeout.toSeconds() + " s:\n" + logTail(60));
    }

    /** SIGSTOP: the JVM stands still, its connections stay open, nothing it has not committed is committed. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a frozen JVM goes on as after a long pause. */
    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL (Process.destroyForcibly on Linux); returns the exit code once the JVM is gone (137 for SIGKILL). */
    int killHard() throws InterruptedException {
        down = true;
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
        if (ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") is still alive after SIGKILL");
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL if the JVM has not stopped within a minute. */
    void stop() throws InterruptedException {
        down = true;
        if (!process.isAlive()) {
            return;
        }
        try {
            // a frozen JVM would never see SIGTERM
            thaw();
        } catch (IOException | IllegalStateException e) {
            // already gone
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", pid " + process.pid() + ")";
    }
}

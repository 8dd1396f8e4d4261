package cn.perfeval.deploy;

import cn.perfeval.deploy.demo.Http;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedKafkaBroker;
import cn.perfeval.testsupport.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite on one machine: PostgreSQL and Kafka (embedded, or the ones given), and the three
 * packaged services as child processes, each with its own database. {@link #close()} stops
 * everything it started, in reverse order.
 */
public final class Suite implements AutoCloseable {

    /** The services, in start order, with the database each owns. */
    public enum Service {
        BUDGET("budget-service", "budget"),
        SCORING("scoring-service", "scoring"),
        REPORT("report-service", "report");

        public final String module;
        public final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final SuiteOptions options;
    private final Http http = new Http(null);
    /** The development identity provider: the services trust its public key, it signs the tokens. */
    private final DevTokens tokens = DevTokens.generate();
    private Path publicKeyFile;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private String kafkaBootstrap;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final Map<Service, URI> urls = new LinkedHashMap<>();
    private final Map<Service, Long> startedAt = new LinkedHashMap<>();
    private final Map<Service, Duration> startupTimes = new LinkedHashMap<>();

    private Suite(SuiteOptions options) {
        this.options = options;
    }

    /** Starts everything and waits until the three services are ready; on failure, stops what started. */
    public static Suite start(SuiteOptions options) {
        Suite suite = new Suite(options);
        try {
            suite.startInfrastructure();
            for (Service s : Service.values()) {
                suite.startService(s);
            }
            for (Service s : Service.values()) {
                suite.awaitReady(s);
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public URI url(Service s) {
        return urls.get(s);
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Signs tokens the three services accept (a key pair made for this run). */
    public DevTokens tokens() {
        return tokens;
    }

    /** The PEM file the services read the development public key from. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** How long each service took from process start to ready. */
    public Duration startupTime(Service s) {
        return startupTimes.get(s);
    }

    /** The operating-system process id of a running service. */
    public long pid(Service s) {
        return processes.get(s).pid();
    }

    /** The embedded broker, for tests that stop and restart it; null when an external one is used. */
    public EmbeddedKafkaBroker embeddedKafka() {
        return kafka;
    }

    /** Stops one service (SIGTERM, then kill after 20 s). */
    public void stop(Service s) {
        Process p = processes.remove(s);
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    /** Kills one service at once (SIGKILL), as a crash would; {@link #restart} brings it back. */
    public void kill(Service s) {
        Process p = processes.remove(s);
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void restart(Service s) {
        stop(s);
        startService(s);
        awaitReady(s);
    }

    @Override
    public void close() {
        List<Service> started = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(started);
        started.forEach(this::stop);
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private void startInfrastructure() {
        publicKeyFile = tokens.writePublicKey(options.logDir().resolve("dev-jwt-public-key.pem"));
        if (options.postgresUrl() == null) {
            postgres = EmbeddedPostgresServer.start(options.postgresPort());
            for (Service s : Service.values()) {
                postgres.createDatabase(s.database);
            }
        } else {
            createDatabases(options.postgresUrl());
        }
        if (options.kafkaBootstrap() == null) {
            kafka = EmbeddedKafkaBroker.start(options.kafkaPort());
            kafka.createTopics(Map.of("budget-events", 6, "score-events", 6,
                    "budget-events.dead-letter", 1, "score-events.dead-letter", 1));
            kafkaBootstrap = kafka.bootstrapServers();
        } else {
            kafkaBootstrap = options.kafkaBootstrap();
        }
    }

    private void createDatabases(String url) {
        try (Connection c = DriverManager.getConnection(url + "/postgres", options.postgresUser(), options.postgresPassword());
             Statement st = c.createStatement()) {
            for (Service s : Service.values()) {
                try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + s.database + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                st.execute("CREATE DATABASE " + s.database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the databases on " + url + ": " + e.getMessage(), e);
        }
    }

    private String jdbcUrl(Service s) {
        return options.postgresUrl() == null ? postgres.jdbcUrl(s.database) : options.postgresUrl() + "/" + s.database;
    }

    private int port(Service s) {
        return switch (s) {
            case BUDGET -> options.budgetPort();
            case SCORING -> options.scoringPort();
            case REPORT -> options.reportPort();
        };
    }

    private Path log(Service s) {
        return options.logDir().resolve(s.module + ".log");
    }

    private void startService(Service s) {
        Path jar = options.repoRoot().resolve(s.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(options.jvmOptions().split("\\s+")).filter(o -> !o.isBlank()).toList());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(s)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(s));
        env.put("QUARKUS_DATASOURCE_USERNAME", options.postgresUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", options.postgresPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile.toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        try {
            Files.createDirectories(options.logDir());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log(s).toFile()));
            startedAt.put(s, System.nanoTime());
            processes.put(s, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + s.module, e);
        }
        urls.put(s, URI.create("http://127.0.0.1:" + port(s)));
    }

    private void awaitReady(Service s) {
        URI ready = url(s).resolve("/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = processes.get(s);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(s.module + " exited during start-up; its log:\n" + tail(log(s)));
            }
            if (http.status(ready) == 200) {
                startupTimes.put(s, Duration.ofNanos(System.nanoTime() - startedAt.get(s)));
                return;
            }
            try {
                p.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + s.module, e);
            }
        }
        throw new IllegalStateException(s.module + " not ready after " + READY_TIMEOUT.toSeconds() + " s; its log:\n" + tail(log(s)));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}

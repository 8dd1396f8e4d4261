package cn.perfeval.deploy;

import cn.perfeval.deploy.demo.BudgetDemo;
import cn.perfeval.deploy.demo.DemoContext;
import cn.perfeval.deploy.demo.ReportDemo;
import cn.perfeval.deploy.demo.ScoringDemo;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole suite on embedded defaults (or on the PostgreSQL and Kafka given by
 * environment variables), loads the demo data and prints where everything is. Ctrl-C stops
 * everything it started.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLogs();
        Path root = repoRoot();
        SuiteOptions options = SuiteOptions.fromEnvironment(root);
        System.out.println("Starting " + (options.postgresUrl() == null ? "an embedded PostgreSQL" : "on PostgreSQL " + options.postgresUrl())
                + ", " + (options.kafkaBootstrap() == null ? "an embedded Kafka broker" : "on Kafka " + options.kafkaBootstrap())
                + " and the three services (logs in " + options.logDir() + ") …");
        long started = System.nanoTime();
        Suite suite = Suite.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the suite …");
            suite.close();
            System.out.println("Stopped; nothing left running.");
            stopped.countDown();
        }, "suite-stop"));

        boolean demo = !"false".equalsIgnoreCase(System.getenv().getOrDefault("PERFEVAL_DEMO", "true"));
        if (demo) {
            DemoContext ctx = DemoContext.of(suite.url(Suite.Service.BUDGET), suite.url(Suite.Service.SCORING),
                    suite.url(Suite.Service.REPORT));
            loadDemo(ctx);
        }
        System.out.printf("%nThe suite is up (%.1f s).%n", (System.nanoTime() - started) / 1e9);
        for (Suite.Service s : Suite.Service.values()) {
            System.out.printf("  %-16s %s/q/swagger-ui/%n", s.module, suite.url(s));
        }
        System.out.printf("  %-16s %s%n", "kafka", suite.kafkaBootstrap());
        if (demo) {
            String path = "/api/reports/" + DemoContext.UNIT_CODE + "/" + DemoContext.FISCAL_YEAR;
            System.out.printf("%nDemo report:  %s%s?format=html%n", suite.url(Suite.Service.REPORT), path);
            System.out.printf("              (also ?format=docx, pdf, markdown, json)%n");
            System.out.printf("Demo scores:  %s/api/scores/%s/%d%n", suite.url(Suite.Service.SCORING),
                    DemoContext.UNIT_CODE, DemoContext.FISCAL_YEAR);
        }
        System.out.println("\nPress Ctrl-C to stop.");
        stopped.await();
    }

    /** Loads the golden case through the public APIs and waits until its report is available. */
    public static void loadDemo(DemoContext ctx) {
        BudgetDemo.load(ctx);
        ScoringDemo.load(ctx);
        ReportDemo.load(ctx);
        URI report = ctx.report().resolve("/api/reports/" + DemoContext.UNIT_CODE + "/" + DemoContext.FISCAL_YEAR
                + "?format=json");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (ctx.http().status(report) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo report did not appear within 60 s at " + report);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
    }

    /** The broker and embedded PostgreSQL log through slf4j-simple: warnings only. */
    public static void quietLogs() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.controller", "error");
    }

    /** deploy/target/launcher.jar → the repository; overridable with -Dperfeval.repo.root. */
    public static Path repoRoot() {
        String configured = System.getProperty("perfeval.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().getParent().toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

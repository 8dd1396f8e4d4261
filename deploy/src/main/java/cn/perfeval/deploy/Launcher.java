package cn.perfeval.deploy;

import cn.perfeval.deploy.demo.BudgetDemo;
import cn.perfeval.deploy.demo.DemoContext;
import cn.perfeval.deploy.demo.ReportDemo;
import cn.perfeval.deploy.demo.ScoringDemo;
import cn.perfeval.deploy.demo.SeasonDemo;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole suite on embedded defaults (or on the PostgreSQL and Kafka given by
 * environment variables), loads the demo data and prints where everything is. Ctrl-C stops
 * everything it started.
 */
public final class Launcher {

    private static final String DEMO_COUNTY = "湘潭县";

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

        boolean demo = !"false".equalsIgnoreCase(SuiteOptions.setting("PERFEVAL_DEMO", "true"));
        DemoContext ctx = DemoContext.of(suite.url(Suite.Service.BUDGET), suite.url(Suite.Service.SCORING),
                suite.url(Suite.Service.REPORT), suite.tokens().admin());
        if (demo) {
            loadDemo(ctx);
            String county = ctx.golden().path("department").path("county").asText(DEMO_COUNTY);
            System.out.println(SeasonDemo.describe(SeasonDemo.run(ctx, suite.tokens().admin(),
                    suite.tokens().finance(DemoContext.UNIT_CODE), suite.tokens().evaluator(county))));
        }
        int synthetic = syntheticUnitYears();
        if (synthetic > 0) {
            System.out.printf("Loading a synthetic province of %,d unit-years (%d) through bulk import jobs …%n",
                    synthetic, DemoContext.YEAR);
            cn.perfeval.deploy.bench.SyntheticProvince.load(suite.url(Suite.Service.BUDGET), suite.tokens().admin(),
                    synthetic, DemoContext.YEAR, System.out::println);
        }
        System.out.printf("%nThe suite is up (%.1f s).%n", (System.nanoTime() - started) / 1e9);
        for (Suite.Service s : Suite.Service.values()) {
            System.out.printf("  %-16s %s/q/swagger-ui/%n", s.module, suite.url(s));
        }
        System.out.printf("  %-16s %s%n", "kafka", suite.kafkaBootstrap());
        if (demo) {
            String unitYear = "/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR;
            System.out.printf("%nDemo report:  %s%s/report?format=html%n", suite.url(Suite.Service.REPORT), unitYear);
            System.out.printf("              (also ?format=docx, pdf, md, json)%n");
            System.out.printf("Demo scores:  %s%s/score%n", suite.url(Suite.Service.SCORING), unitYear);
            String season = "/api/v1/counties/" + java.net.URLEncoder.encode(DEMO_COUNTY, java.nio.charset.StandardCharsets.UTF_8)
                    + "/years/" + DemoContext.YEAR + "/season";
            System.out.printf("Demo season:  %s%s/overview%n", suite.url(Suite.Service.REPORT), season);
            System.out.printf("              %s%s/review-report?format=docx (also xlsx, html)%n", suite.url(Suite.Service.REPORT), season);
            System.out.printf("              as filed: %s%s/submissions/1/report?format=pdf%n", suite.url(Suite.Service.REPORT), unitYear);
        }
        printTokens(suite, ctx, options.logDir().resolveSibling("dev-tokens.txt"));
        System.out.println("\nPress Ctrl-C to stop.");
        stopped.await();
    }

    /** PERFEVAL_SYNTHETIC_UNIT_YEARS: how many synthetic unit-years to load after the demo (none by default). */
    static int syntheticUnitYears() {
        String value = SuiteOptions.setting("PERFEVAL_SYNTHETIC_UNIT_YEARS", "0").strip();
        if (!value.matches("[0-9]{1,7}")) {
            throw new IllegalArgumentException("PERFEVAL_SYNTHETIC_UNIT_YEARS must be a whole number from 0 to 9999999, not \""
                    + value + "\"");
        }
        return Integer.parseInt(value);
    }

    /** Loads the golden case through the public APIs and waits until its report is available. */
    public static void loadDemo(DemoContext ctx) {
        BudgetDemo.load(ctx);
        ScoringDemo.load(ctx);
        ReportDemo.load(ctx);
        URI report = ctx.report().resolve("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR
                + "/report?format=json");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (ctx.http().status(report) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo report did not appear within 60 s at " + report);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
    }

    /**
     * One development token per role, signed by the key pair the services were given at start-up,
     * printed and written to {@code file} (for curl: {@code -H "Authorization: Bearer $TOKEN"}).
     */
    static void printTokens(Suite suite, DemoContext ctx, Path file) {
        String county = ctx.golden().path("department").path("county").asText(DEMO_COUNTY);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", suite.tokens().admin());
        tokens.put("finance (unit " + DemoContext.UNIT_CODE + ")", suite.tokens().finance(DemoContext.UNIT_CODE));
        tokens.put("evaluator (county " + county + ")", suite.tokens().evaluator(county));
        tokens.put("viewer", suite.tokens().viewer());
        StringBuilder text = new StringBuilder();
        tokens.forEach((role, token) -> text.append("# ").append(role).append('\n').append(token).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            System.out.println("(could not write " + file + ": " + e.getMessage() + ")");
        }
        System.out.println("\nDevelopment bearer tokens (valid 12 h; also in " + file + "; in Swagger UI: Authorize):");
        tokens.forEach((role, token) -> System.out.printf("  %s:%n    %s%n", role, token));
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

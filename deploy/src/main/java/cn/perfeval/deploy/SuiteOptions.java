package cn.perfeval.deploy;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the suite. Every setting comes from an environment variable (or the system property
 * of the same name in lower case with dots, e.g. {@code perfeval.budget.port}), with a default
 * that works on a fresh machine.
 *
 * @param repoRoot       the repository, whose {@code <service>/target/quarkus-app} hold the packaged services
 * @param postgresUrl    an existing PostgreSQL as {@code jdbc:postgresql://host:port}, or null for an embedded one
 * @param postgresUser   its user (needs CREATEDB unless the databases exist)
 * @param postgresPassword its password
 * @param postgresPort   port of the embedded PostgreSQL (0: any free port)
 * @param kafkaBootstrap existing Kafka bootstrap servers, or null for an embedded broker
 * @param kafkaPort      port of the embedded broker (0: any free port)
 * @param budgetPort     HTTP port of budget-service
 * @param scoringPort    HTTP port of scoring-service
 * @param reportPort     HTTP port of report-service
 * @param jvmOptions     JVM options of each service process
 * @param logDir         where each service's output goes
 */
public record SuiteOptions(Path repoRoot, String postgresUrl, String postgresUser, String postgresPassword,
                           int postgresPort, String kafkaBootstrap, int kafkaPort,
                           int budgetPort, int scoringPort, int reportPort, String jvmOptions, Path logDir) {

    /** The documented defaults, overridden by the environment. */
    public static SuiteOptions fromEnvironment(Path repoRoot) {
        Map<String, String> env = System.getenv();
        return new SuiteOptions(repoRoot,
                setting(env, "PERFEVAL_POSTGRES_URL", null),
                setting(env, "PERFEVAL_POSTGRES_USER", "postgres"),
                setting(env, "PERFEVAL_POSTGRES_PASSWORD", "postgres"),
                Integer.parseInt(setting(env, "PERFEVAL_POSTGRES_PORT", "15432")),
                setting(env, "PERFEVAL_KAFKA_BOOTSTRAP", null),
                Integer.parseInt(setting(env, "PERFEVAL_KAFKA_PORT", "19092")),
                Integer.parseInt(setting(env, "PERFEVAL_BUDGET_PORT", "8081")),
                Integer.parseInt(setting(env, "PERFEVAL_SCORING_PORT", "8082")),
                Integer.parseInt(setting(env, "PERFEVAL_REPORT_PORT", "8083")),
                setting(env, "PERFEVAL_SERVICE_JVM_OPTS", "-Xmx512m"),
                Path.of(setting(env, "PERFEVAL_LOG_DIR", repoRoot.resolve("deploy/.run/logs").toString())));
    }

    /** Embedded PostgreSQL and Kafka, every port free, for tests. */
    public static SuiteOptions embeddedOnFreePorts(Path repoRoot, Path logDir) {
        return new SuiteOptions(repoRoot, null, "postgres", "postgres", 0, null, 0,
                cn.perfeval.testsupport.FreePort.find(), cn.perfeval.testsupport.FreePort.find(),
                cn.perfeval.testsupport.FreePort.find(), "-Xmx384m", logDir);
    }

    /** A launcher setting: the system property (lower case with dots) when given, else the environment variable. */
    public static String setting(String name, String fallback) {
        return setting(System.getenv(), name, fallback);
    }

    private static String setting(Map<String, String> env, String name, String fallback) {
        String property = System.getProperty(name.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

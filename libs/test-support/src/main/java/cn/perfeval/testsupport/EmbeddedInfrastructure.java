package cn.perfeval.testsupport;

import java.util.Map;

/**
 * One PostgreSQL server and one Kafka broker per JVM, started on first use and stopped when
 * the JVM exits. Tests of one module share them; each service gets its own database.
 */
public final class EmbeddedInfrastructure {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;

    private EmbeddedInfrastructure() {
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(0);
            EmbeddedPostgresServer started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-postgres-stop"));
        }
        return postgres;
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(0);
            // the suite's topics, as the launcher creates them: no auto-creation warnings
            kafka.createTopics(Map.of("budget-events", 6, "score-events", 6,
                    "budget-events.dead-letter", 1, "score-events.dead-letter", 1));
            EmbeddedKafkaBroker started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
        }
        return kafka;
    }

    /** The Quarkus configuration that points a service at its database and the broker. */
    public static Map<String, String> quarkusConfig(String database) {
        EmbeddedPostgresServer pg = postgres();
        pg.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka().bootstrapServers(),
                // tokens signed by DevTokens.shared() are the only ones the service accepts
                "mp.jwt.verify.publickey", DevTokens.shared().publicKeyBase64(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER);
    }
}

package cn.perfeval.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: a real PostgreSQL database and a real Kafka broker for a
 * {@code @QuarkusTest}. Init arg {@code database} names the service's database.
 *
 * <pre>{@code @WithTestResource(value = EmbeddedInfrastructureResource.class,
 *     initArgs = @ResourceArg(name = "database", value = "budget"))}</pre>
 */
public class EmbeddedInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return EmbeddedInfrastructure.quarkusConfig(database);
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; stopped by a shutdown hook, so that Quarkus restarts
        // between test classes do not pay for a new server and broker.
    }
}

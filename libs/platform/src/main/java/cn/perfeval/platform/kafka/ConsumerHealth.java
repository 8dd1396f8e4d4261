package cn.perfeval.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the service's event consumers: DOWN, with the reason per consumer, while one of them
 * does not consume (it stopped and waits to start again); UP once it consumes again. A service
 * without consumers (budget-service) is always UP here.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    private final ConsumerLoops loops;

    public ConsumerHealth(ConsumerLoops loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event consumers").up();
        for (ConsumerLoop<?> loop : loops.all()) {
            String down = loop.health();
            b.withData(loop.name(), down == null ? "consuming" : down);
            if (down != null) {
                b.down();
            }
        }
        return b.build();
    }
}

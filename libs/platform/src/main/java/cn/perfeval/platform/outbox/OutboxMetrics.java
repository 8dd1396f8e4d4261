package cn.perfeval.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gauges of the outbox: {@code perfeval_outbox_backlog} (events not yet confirmed by Kafka) and
 * {@code perfeval_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when none).
 * A growing backlog means Kafka is unreachable or the relay has stopped. Only in services with an
 * outbox ({@code perfeval.outbox.enabled=true}).
 *
 * <p>One indexed query (the partial index on unpublished rows) serves both, at most once per
 * {@link #MAX_AGE_NANOS}: scrapes and dashboards refreshing at once cost the database nothing more.
 */
@ApplicationScoped
@IfBuildProperty(name = "perfeval.outbox.enabled", stringValue = "true")
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    static final long MAX_AGE_NANOS = 5_000_000_000L;

    private final AgroalDataSource dataSource;
    private volatile Snapshot last = new Snapshot(0, 0, Long.MIN_VALUE);

    record Snapshot(long backlog, double oldestAgeSeconds, long takenAtNanos) {
    }

    public OutboxMetrics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent ev, MeterRegistry registry) {
        Gauge.builder("perfeval.outbox.backlog", this, m -> m.current().backlog())
                .description("Outbox events not yet confirmed by Kafka").register(registry);
        Gauge.builder("perfeval.outbox.oldest.age.seconds", this, m -> m.current().oldestAgeSeconds())
                .description("Age of the oldest outbox event not yet confirmed by Kafka, in seconds").register(registry);
    }

    Snapshot current() {
        Snapshot s = last;
        long now = System.nanoTime();
        if (s.takenAtNanos() != Long.MIN_VALUE && now - s.takenAtNanos() < MAX_AGE_NANOS) {
            return s;
        }
        synchronized (this) {
            if (last != s) {
                return last;
            }
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) "
                         + "FROM outbox_event WHERE published_at IS NULL")) {
                rs.next();
                last = new Snapshot(rs.getLong(1), Math.max(0, rs.getDouble(2)), now);
            } catch (SQLException e) {
                // the database is unreachable: report the last figures, try again next scrape
                LOG.debugf("outbox gauges not refreshed: %s", e.toString());
            }
            return last;
        }
    }
}

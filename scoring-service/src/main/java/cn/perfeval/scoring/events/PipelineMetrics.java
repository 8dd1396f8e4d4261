package cn.perfeval.scoring.events;

import cn.perfeval.scoring.service.ScoringService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipeline's health as Prometheus sees it at {@code /q/metrics}:
 * <ul>
 *   <li>{@code perfeval_outbox_backlog}, {@code perfeval_outbox_oldest_age_seconds}: score events
 *       written but not yet confirmed by the broker, and how long the oldest has waited (the relay
 *       measures them each round, so a scrape never queries the database);</li>
 *   <li>{@code perfeval_consumer_lag}: budget events behind the end of the topic for this
 *       consumer group (measured by the consumer thread, which owns the Kafka consumer);</li>
 *   <li>{@code perfeval_recomputations_total}: committed recomputations, counted after commit so
 *       that a rolled-back one does not count.</li>
 * </ul>
 */
@ApplicationScoped
public class PipelineMetrics {

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<OffsetDateTime> oldest = new AtomicReference<>();
    private final AtomicLong lag = new AtomicLong();
    private final Counter recomputations;

    public PipelineMetrics(MeterRegistry registry) {
        Gauge.builder("perfeval.outbox.backlog", backlog, AtomicLong::get)
                .description("Score events in the outbox not yet confirmed by the broker").register(registry);
        Gauge.builder("perfeval.outbox.oldest.age.seconds", this, PipelineMetrics::oldestAgeSeconds)
                .description("Age of the oldest score event waiting in the outbox, 0 when none waits").register(registry);
        Gauge.builder("perfeval.consumer.lag", lag, AtomicLong::get)
                .description("Budget events behind the end of the topic for this consumer group").register(registry);
        recomputations = Counter.builder("perfeval.recomputations")
                .description("Committed recomputations of a unit-year under one indicator system").register(registry);
    }

    /** Measured by the outbox relay after each round. */
    void outbox(long waiting, OffsetDateTime oldestWaiting) {
        backlog.set(waiting);
        oldest.set(oldestWaiting);
    }

    /** Measured by the consumer thread from its positions and the end offsets. */
    void consumerLag(long behind) {
        lag.set(behind);
    }

    void onRecomputed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoringService.Recomputed ev) {
        recomputations.increment();
    }

    private double oldestAgeSeconds() {
        OffsetDateTime o = oldest.get();
        return o == null ? 0 : Math.max(0, Duration.between(o, OffsetDateTime.now()).toMillis() / 1000.0);
    }
}

package cn.perfeval.scoring.events;

import cn.perfeval.scoring.service.ScoringService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * {@code perfeval_recomputations_total}: committed recomputations, counted after commit so that a
 * rolled-back one does not count. The outbox gauges ({@code perfeval_outbox_backlog},
 * {@code perfeval_outbox_oldest_age_seconds}), the consumer lag ({@code perfeval_consumer_lag}) and
 * the dead letters ({@code perfeval_dead_letters_total}) come from the shared platform code. Created at
 * start-up, so that the counter is scraped at 0 before the first recomputation.
 */
@Startup
@ApplicationScoped
public class PipelineMetrics {

    private final Counter recomputations;

    public PipelineMetrics(MeterRegistry registry) {
        recomputations = Counter.builder("perfeval.recomputations")
                .description("Committed recomputations of a unit-year under one indicator system").register(registry);
    }

    void onRecomputed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoringService.Recomputed ev) {
        recomputations.increment();
    }
}

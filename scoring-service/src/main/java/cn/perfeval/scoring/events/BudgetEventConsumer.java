package cn.perfeval.scoring.events;

import cn.perfeval.platform.kafka.ConsumerLoop;
import cn.perfeval.platform.kafka.ConsumerLoops;
import cn.perfeval.platform.kafka.PoisonRecordException;
import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnreadableEventException;
import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.service.ScoringService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumes budget events and has each unit-year rescored, through the shared consumer loop
 * ({@link ConsumerLoop}: offsets committed after the database commit, poison and records failing
 * every attempt set aside to the dead-letter topic, the consumer restarted after any other failure).
 */
@ApplicationScoped
public class BudgetEventConsumer implements ConsumerLoop.Handler<BudgetUnitYearChanged> {

    private final ScoringConfig config;
    private final ConsumerLoops loops;
    private final ScoringService scoring;
    private final Counter skipped;
    private ConsumerLoop<BudgetUnitYearChanged> loop;

    public BudgetEventConsumer(ScoringConfig config, ConsumerLoops loops, ScoringService scoring,
                               MeterRegistry registry) {
        this.skipped = Counter.builder("perfeval.budget.events.superseded")
                .description("Budget events not applied because a newer version of their unit-year came in the same poll")
                .register(registry);
        this.config = config;
        this.loops = loops;
        this.scoring = scoring;
    }

    void start(@Observes StartupEvent ev) {
        ScoringConfig.BudgetEvents topic = config.budgetEvents();
        loop = loops.start(new ConsumerLoop.Spec(topic.topic(), List.of(topic.topic()), topic.group(),
                source -> topic.deadLetterTopic()), (source, text) -> decode(text), this);
    }

    /**
     * Closes the consumer and opens a new one, as a restart of the service would: records
     * processed but not yet committed are consumed again and change nothing.
     */
    public void restart() throws InterruptedException {
        loop.stop();
        loop.start();
    }

    /** The loop, for tests that make it fail. */
    public ConsumerLoop<BudgetUnitYearChanged> loop() {
        return loop;
    }

    /**
     * Applies a poll's events in one database transaction: of each unit-year only its newest event
     * is applied (an older version in the same poll would be recomputed only to be superseded at
     * once; events carry the full state), in the order of unit codes, as an assignment locks them.
     */
    @Override
    public void applyBatch(List<BudgetUnitYearChanged> events) {
        Map<String, BudgetUnitYearChanged> newest = new TreeMap<>();
        for (BudgetUnitYearChanged event : events) {
            newest.merge(event.unitCode() + ":" + event.fiscalYear(), event, (a, b) -> b.version() > a.version() ? b : a);
        }
        QuarkusTransaction.requiringNew().run(() -> newest.values().forEach(event -> {
            applyOne(event);
            // each event's work is complete: keep the persistence context from growing with the poll
            scoring.flushAndClear();
        }));
        skipped.increment(events.size() - newest.size());
    }

    @Override
    public void applyOne(BudgetUnitYearChanged event) {
        MDC.put("unit", event.unitCode());
        MDC.put("year", Integer.toString(event.fiscalYear()));
        try {
            scoring.onBudgetEvent(event);
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    /**
     * The event of a record, read by the shared codec of libs/events: UTF-8 JSON of type
     * BudgetUnitYearChanged, a schemaVersion this service knows, the unit-year, unit name and
     * county and the measures present; else a poison record with the reason.
     */
    BudgetUnitYearChanged decode(String value) throws PoisonRecordException {
        try {
            return EventCodec.readBudgetEvent(value);
        } catch (UnreadableEventException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
    }
}

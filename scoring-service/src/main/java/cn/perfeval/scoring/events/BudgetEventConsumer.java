package cn.perfeval.scoring.events;

import cn.perfeval.platform.kafka.ConsumerLoop;
import cn.perfeval.platform.kafka.ConsumerLoops;
import cn.perfeval.platform.kafka.PoisonRecordException;
import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.service.ScoringService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
public class BudgetEventConsumer implements ConsumerLoop.Handler<BudgetEventPayload> {

    private final ScoringConfig config;
    private final ConsumerLoops loops;
    private final ScoringService scoring;
    private final ObjectMapper mapper;
    private final Counter skipped;
    private ConsumerLoop<BudgetEventPayload> loop;

    public BudgetEventConsumer(ScoringConfig config, ConsumerLoops loops, ScoringService scoring, ObjectMapper mapper,
                               MeterRegistry registry) {
        this.skipped = Counter.builder("perfeval.budget.events.superseded")
                .description("Budget events not applied because a newer version of their unit-year came in the same poll")
                .register(registry);
        this.config = config;
        this.loops = loops;
        this.scoring = scoring;
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
    public ConsumerLoop<BudgetEventPayload> loop() {
        return loop;
    }

    /**
     * Applies a poll's events in one database transaction: of each unit-year only its newest event
     * is applied (an older version in the same poll would be recomputed only to be superseded at
     * once; events carry the full state), in the order of unit codes, as an assignment locks them.
     */
    @Override
    public void applyBatch(List<BudgetEventPayload> events) {
        Map<String, BudgetEventPayload> newest = new TreeMap<>();
        for (BudgetEventPayload event : events) {
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
    public void applyOne(BudgetEventPayload event) {
        MDC.put("unit", event.unitCode());
        MDC.put("year", Integer.toString(event.fiscalYear()));
        try {
            scoring.onBudgetEvent(event);
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    BudgetEventPayload decode(String value) throws PoisonRecordException {
        BudgetEventPayload event;
        try {
            event = value == null ? null : mapper.readValue(value, BudgetEventPayload.class);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("undecodable: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new PoisonRecordException("empty record", null);
        }
        String invalid = event.invalidReason();
        if (invalid != null) {
            throw new PoisonRecordException("invalid: " + invalid, null);
        }
        return event;
    }
}

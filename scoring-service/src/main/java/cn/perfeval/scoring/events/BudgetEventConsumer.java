package cn.perfeval.scoring.events;

import cn.perfeval.platform.kafka.ConsumerLoop;
import cn.perfeval.platform.kafka.ConsumerLoops;
import cn.perfeval.platform.json.BoundedDecimals;
import cn.perfeval.platform.kafka.PoisonRecordException;
import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnreadableEventException;
import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.service.NotScoredMarks;
import cn.perfeval.scoring.service.BudgetEventApplier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumes budget events and has each unit-year rescored, through the shared consumer loop
 * ({@link ConsumerLoop}: offsets committed after the database commit, poison and records failing
 * every attempt set aside to the dead-letter topic and their unit-year marked not scored
 * ({@link NotScoredMarks}), the consumer restarted after any other failure).
 */
@ApplicationScoped
public class BudgetEventConsumer implements ConsumerLoop.Handler<BudgetUnitYearChanged> {

    private final ScoringConfig config;
    private final ConsumerLoops loops;
    private final BudgetEventApplier applier;
    private final NotScoredMarks notScored;
    private final Counter skipped;
    private ConsumerLoop<BudgetUnitYearChanged> loop;

    public BudgetEventConsumer(ScoringConfig config, ConsumerLoops loops, BudgetEventApplier applier,
                               NotScoredMarks notScored, MeterRegistry registry) {
        this.notScored = notScored;
        this.skipped = Counter.builder("perfeval.budget.events.superseded")
                .description("Budget events not applied because a newer version of their unit-year came in the same poll")
                .register(registry);
        this.config = config;
        this.loops = loops;
        this.applier = applier;
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
     * once; events carry the full state), read and written in bulk ({@link BudgetEventApplier}), their
     * snapshots locked in the order of unit codes, as an assignment locks them.
     */
    @Override
    public void applyBatch(List<BudgetUnitYearChanged> events) {
        Map<String, BudgetUnitYearChanged> newest = new TreeMap<>();
        for (BudgetUnitYearChanged event : events) {
            newest.merge(event.unitCode() + ":" + event.fiscalYear(), event, (a, b) -> b.version() > a.version() ? b : a);
        }
        QuarkusTransaction.requiringNew().run(() -> applier.apply(newest.values()));
        skipped.increment(events.size() - newest.size());
    }

    @Override
    public void applyOne(BudgetUnitYearChanged event) {
        MDC.put("unit", event.unitCode());
        MDC.put("year", Integer.toString(event.fiscalYear()));
        try {
            applier.apply(List.of(event));
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    /**
     * A record set aside (it could not be read, or its processing failed every attempt): its
     * unit-year is marked not scored, with the reason, until a valid event of that version or a
     * newer one is scored.
     */
    @Override
    public void setAside(ConsumerLoop.SetAside<BudgetUnitYearChanged> aside) {
        notScored.mark(aside);
    }

    /**
     * The event of a record, read by the shared codec of libs/events: UTF-8 JSON of type
     * BudgetUnitYearChanged, a schemaVersion this service knows, the unit-year, unit name and
     * county and the measures present, each a figure a budget can have ({@link #withinRange}); else
     * a poison record with the reason.
     */
    public BudgetUnitYearChanged decode(String value) throws PoisonRecordException {
        BudgetUnitYearChanged event;
        try {
            event = EventCodec.readBudgetEvent(value);
        } catch (UnreadableEventException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
        for (Map.Entry<String, BigDecimal> m : event.measures().entrySet()) {
            if (!withinRange(m.getValue())) {
                throw new PoisonRecordException(OUT_OF_RANGE + m.getKey() + " out of range: a measure's magnitude must "
                        + "be below 1e15, with at most " + MAX_MEASURE_SCALE + " decimal places", null);
            }
        }
        if (event.targets() != null && event.targets().indicators() != null) {
            for (BudgetUnitYearChanged.Target t : event.targets().indicators()) {
                if (t == null) {
                    continue;
                }
                checkTargetFigure(t, "targetValue", t.targetValue());
                checkTargetFigure(t, "weight", t.weight());
                for (BudgetUnitYearChanged.TargetProgress p : t.progress() == null
                        ? List.<BudgetUnitYearChanged.TargetProgress>of() : t.progress()) {
                    if (p != null) {
                        checkTargetFigure(t, "progress.actualValue", p.actualValue());
                        checkTargetFigure(t, "progress.achievementPercent", p.achievementPercent());
                    }
                }
            }
        }
        return event;
    }

    /** A target's figure is bounded like a measure: no score computed from 1e400 could be written or read. */
    private static void checkTargetFigure(BudgetUnitYearChanged.Target t, String field, BigDecimal v)
            throws PoisonRecordException {
        if (!withinRange(v)) {
            throw new PoisonRecordException(TARGET_OUT_OF_RANGE + t.code() + "." + field + " out of range: a target's "
                    + "figure must be below 1e15 in magnitude, with at most " + MAX_MEASURE_SCALE + " decimal places", null);
        }
    }

    /** The dead-letter reason of a target's figure no table has, followed by the target's code. */
    public static final String TARGET_OUT_OF_RANGE = "invalid: targets.";

    /** The dead-letter reason of a measure no budget has, followed by its name. */
    public static final String OUT_OF_RANGE = "invalid: measures.";
    /**
     * Most decimal places of a measure: budget-service accepts 10 in a figure, and 元 converted to
     * 万元 adds 4.
     */
    static final int MAX_MEASURE_SCALE = 20;

    /**
     * Whether a measure is a figure a budget can have: below 10^15 in magnitude (as budget-service
     * accepts them) and of at most {@link #MAX_MEASURE_SCALE} decimal places. Beyond that (1e400,
     * 1e-10000) no score computed from it could be written as a plain number, or read by a client.
     */
    static boolean withinRange(BigDecimal v) {
        return v == null || v.abs().compareTo(BoundedDecimals.LIMIT) < 0 && v.stripTrailingZeros().scale() <= MAX_MEASURE_SCALE;
    }
}

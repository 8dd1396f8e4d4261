package cn.perfeval.report.events;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnitYearScored;
import cn.perfeval.events.UnreadableEventException;
import cn.perfeval.platform.kafka.ConsumerLoop;
import cn.perfeval.platform.kafka.ConsumerLoops;
import cn.perfeval.platform.kafka.PoisonRecordException;
import cn.perfeval.report.config.ReportConfig;
import cn.perfeval.report.service.ReadModel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.List;

/**
 * Feeds the read model from the budget and score topics, through the shared consumer loop
 * ({@link ConsumerLoop}): records read as bytes and decoded strictly as UTF-8, offsets committed
 * after the database commit, a poison record (not UTF-8, not JSON, not a valid event, or of a
 * schemaVersion this service does not know: the codec of libs/events decides) or one
 * failing every attempt set aside to the topic's dead-letter topic and {@code rejected_event}, the
 * consumer restarted after any other failure. Each event is applied in its own transaction; a
 * redelivered one changes nothing, since older versions are skipped.
 */
@ApplicationScoped
public class EventConsumer implements ConsumerLoop.Handler<EventConsumer.Event> {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /**
     * A decoded event of one of the two topics ({@link BudgetUnitYearChanged} or {@link UnitYearScored}),
     * with its text as received: the read model stores that text, so that fields added later are kept.
     */
    public record Event(String topic, Object event, String value) {

        String unitCode() {
            return event instanceof BudgetUnitYearChanged b ? b.unitCode() : ((UnitYearScored) event).unitCode();
        }

        int fiscalYear() {
            return event instanceof BudgetUnitYearChanged b ? b.fiscalYear() : ((UnitYearScored) event).fiscalYear();
        }

        long version() {
            return event instanceof BudgetUnitYearChanged b ? b.version() : ((UnitYearScored) event).version();
        }
    }

    private final ReportConfig config;
    private final ConsumerLoops loops;
    private final ReadModel readModel;
    private ConsumerLoop<Event> loop;

    public EventConsumer(ReportConfig config, ConsumerLoops loops, ReadModel readModel) {
        this.config = config;
        this.loops = loops;
        this.readModel = readModel;
    }

    void start(@Observes StartupEvent ev) {
        List<String> topics = List.of(config.budgetEvents().topic(), config.scoreEvents().topic());
        loop = loops.start(new ConsumerLoop.Spec(String.join("+", topics), topics, config.consumerGroup(),
                this::deadLetterTopic), this::decode, this);
    }

    /** The loop, for tests that make it fail. */
    public ConsumerLoop<Event> loop() {
        return loop;
    }

    Event decode(String topic, String value) throws PoisonRecordException {
        try {
            Object event = topic.equals(config.budgetEvents().topic()) ? EventCodec.readBudgetEvent(value)
                    : EventCodec.readScoreEvent(value);
            return new Event(topic, event, value);
        } catch (UnreadableEventException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
    }

    /** Applies one event, with its unit-year in the logging MDC. */
    @Override
    public void applyOne(Event e) {
        MDC.put("unit", e.unitCode());
        MDC.put("year", Integer.toString(e.fiscalYear()));
        try {
            boolean applied = e.event() instanceof BudgetUnitYearChanged budget
                    ? readModel.applyBudgetEvent(budget, e.value(), e.topic())
                    : readModel.applyScoreEvent((UnitYearScored) e.event(), e.value(), e.topic());
            LOG.debugf("%s version %d %s", e.topic(), e.version(), applied ? "applied" : "skipped (not newer)");
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    private String deadLetterTopic(String source) {
        return source.equals(config.budgetEvents().topic()) ? config.budgetEvents().deadLetterTopicOrDefault()
                : source.equals(config.scoreEvents().topic()) ? config.scoreEvents().deadLetterTopicOrDefault()
                : source + ".dead-letter";
    }
}

package cn.perfeval.report.events;

import cn.perfeval.platform.kafka.ConsumerLoop;
import cn.perfeval.platform.kafka.ConsumerLoops;
import cn.perfeval.platform.kafka.PoisonRecordException;
import cn.perfeval.report.config.ReportConfig;
import cn.perfeval.report.service.ReadModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.List;

/**
 * Feeds the read model from the budget and score topics, through the shared consumer loop
 * ({@link ConsumerLoop}): records read as bytes and decoded strictly as UTF-8, offsets committed
 * after the database commit, a poison record (not UTF-8, not JSON, or not a valid event) or one
 * failing every attempt set aside to the topic's dead-letter topic and {@code rejected_event}, the
 * consumer restarted after any other failure. Each event is applied in its own transaction; a
 * redelivered one changes nothing, since older versions are skipped.
 */
@ApplicationScoped
public class EventConsumer implements ConsumerLoop.Handler<EventConsumer.Event> {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** A decoded event of one of the two topics, with its text as received. */
    public record Event(String topic, boolean budget, JsonNode node, String value) {
    }

    private final ReportConfig config;
    private final ConsumerLoops loops;
    private final ReadModel readModel;
    private final ObjectMapper mapper;
    private ConsumerLoop<Event> loop;

    public EventConsumer(ReportConfig config, ConsumerLoops loops, ReadModel readModel, ObjectMapper mapper) {
        this.config = config;
        this.loops = loops;
        this.readModel = readModel;
        this.mapper = mapper;
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
        boolean budget = topic.equals(config.budgetEvents().topic());
        JsonNode event;
        try {
            event = value == null ? null : mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("undecodable: " + e.getOriginalMessage(), e);
        }
        String invalid = invalidReason(event, budget ? "BudgetUnitYearChanged" : "UnitYearScored");
        if (invalid != null) {
            throw new PoisonRecordException("invalid: " + invalid, null);
        }
        return new Event(topic, budget, event, value);
    }

    /** Applies one event, with its unit-year in the logging MDC. */
    @Override
    public void applyOne(Event e) {
        MDC.put("unit", e.node().path("unitCode").asText());
        MDC.put("year", e.node().path("fiscalYear").asText());
        try {
            boolean applied = e.budget() ? readModel.applyBudgetEvent(e.node(), e.value(), e.topic())
                    : readModel.applyScoreEvent(e.node(), e.value(), e.topic());
            LOG.debugf("%s version %d %s", e.topic(), e.node().path("version").asLong(),
                    applied ? "applied" : "skipped (not newer)");
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    static String invalidReason(JsonNode event, String expectedType) {
        if (event == null || !event.isObject()) {
            return "not a JSON object";
        }
        if (!expectedType.equals(event.path("type").asText())) {
            return "type must be " + expectedType;
        }
        if (!event.path("unitCode").isTextual() || !event.path("fiscalYear").isInt()
                || !event.path("version").canConvertToLong() || event.path("version").asLong() < 1) {
            return "unitCode, fiscalYear and a positive version are required";
        }
        if (expectedType.equals("BudgetUnitYearChanged") && !event.path("unit").path("county").isTextual()) {
            return "unit.county is required";
        }
        if (expectedType.equals("UnitYearScored") && !event.path("system").path("code").isTextual()) {
            return "system.code is required";
        }
        return null;
    }

    private String deadLetterTopic(String source) {
        return source.equals(config.budgetEvents().topic()) ? config.budgetEvents().deadLetterTopicOrDefault()
                : source.equals(config.scoreEvents().topic()) ? config.scoreEvents().deadLetterTopicOrDefault()
                : source + ".dead-letter";
    }
}

package cn.perfeval.report.events;

import cn.perfeval.report.config.ReportConfig;
import cn.perfeval.report.service.ReadModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds the read model from the budget and score topics. Offsets are committed only after the
 * database commit; a passing failure rewinds to the first unprocessed record, an undecodable or
 * invalid record is set aside with the reason.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final ReportConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ReadModel readModel;
    private final ObjectMapper mapper;
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    public EventConsumer(ReportConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                         ReadModel readModel, ObjectMapper mapper) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.readModel = readModel;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent ev) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        running = true;
        thread = new Thread(this::run, "report-event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(config.budgetEvents().topic(), config.scoreEvents().topic()));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    processBatch(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void processBatch(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (ConsumerRecord<String, String> r : records) {
                handle(r);
                done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
        } catch (RuntimeException e) {
            LOG.warnf("processing events failed (%s); they will be consumed again", e.toString());
            for (TopicPartition tp : records.partitions()) {
                OffsetAndMetadata next = done.get(tp);
                consumer.seek(tp, next != null ? next.offset() : records.records(tp).get(0).offset());
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private void handle(ConsumerRecord<String, String> r) {
        JsonNode event;
        try {
            event = r.value() == null ? null : mapper.readTree(r.value());
        } catch (JsonProcessingException e) {
            setAside(r, "undecodable: " + e.getOriginalMessage());
            return;
        }
        boolean budget = r.topic().equals(config.budgetEvents().topic());
        String invalid = invalidReason(event, budget ? "BudgetUnitYearChanged" : "UnitYearScored");
        if (invalid != null) {
            setAside(r, "invalid: " + invalid);
            return;
        }
        if (budget) {
            readModel.applyBudgetEvent(event, r.value());
        } else {
            readModel.applyScoreEvent(event, r.value());
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

    private void setAside(ConsumerRecord<String, String> r, String reason) {
        LOG.warnf("event %s-%d@%d set aside: %s", r.topic(), r.partition(), r.offset(), reason);
        readModel.reject(r.topic(), r.partition(), r.offset(), r.key(), reason, r.value());
    }
}

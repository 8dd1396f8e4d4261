package cn.perfeval.scoring.events;

import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.service.ScoringService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * Consumes budget events and has each unit-year rescored. Offsets are committed only after the
 * database transaction of the records before them has committed; a record that fails for a
 * passing reason (database down) is consumed again, one that can never succeed is set aside.
 */
@ApplicationScoped
public class BudgetEventConsumer {

    private static final Logger LOG = Logger.getLogger(BudgetEventConsumer.class);

    private final ScoringConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ScoringService scoring;
    private final ObjectMapper mapper;
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    public BudgetEventConsumer(ScoringConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                               ScoringService scoring, ObjectMapper mapper) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.scoring = scoring;
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void start(@Observes StartupEvent ev) {
        open();
    }

    private synchronized void open() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.budgetEvents().group());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        running = true;
        thread = new Thread(this::run, "budget-event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        close();
    }

    /**
     * Closes the consumer and opens a new one, as a restart of the service would: records
     * processed but not yet committed are consumed again and change nothing.
     */
    public void restart() throws InterruptedException {
        close();
        open();
    }

    private synchronized void close() throws InterruptedException {
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
            consumer.subscribe(List.of(config.budgetEvents().topic()));
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
            LOG.warnf("processing budget events failed (%s); they will be consumed again", e.toString());
            for (TopicPartition tp : records.partitions()) {
                OffsetAndMetadata next = done.get(tp);
                consumer.seek(tp, next != null ? next.offset() : records.records(tp).get(0).offset());
            }
            pause(Duration.ofSeconds(1));
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private void handle(ConsumerRecord<String, String> r) {
        try {
            BudgetEventPayload event = decode(r.value());
            scoring.onBudgetEvent(event);
        } catch (PoisonRecordException e) {
            LOG.warnf("budget event %s-%d@%d set aside: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
            scoring.reject(r.topic(), r.partition(), r.offset(), r.key(), e.getMessage(), r.value());
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

    private static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }
}

package cn.perfeval.report.events;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnitYearScored;
import cn.perfeval.events.UnreadableEventException;
import cn.perfeval.report.config.ReportConfig;
import cn.perfeval.report.service.ReadModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds the read model from the budget and score topics.
 *
 * <ul>
 * <li>Offsets are committed only after the database commit (a failed commit is retried on the
 * next loop; the records, if redelivered meanwhile, change nothing since older versions are
 * skipped). A passing failure rewinds to the first unprocessed record.</li>
 * <li>A poison record (not UTF-8, not JSON, not a valid event, or of a schemaVersion this
 * service does not know) is set aside: a
 * {@code rejected_event} row, and the original key, value and headers published to the
 * topic's dead-letter topic with the reason and its origin in {@code dead-letter-*} headers.
 * Its offset is committed only after the broker acknowledged the dead letter, so a poison record
 * is never lost, and the consumer moves on past it.</li>
 * <li>Records are read as bytes, so that the dead letter holds exactly what was received, even
 * when it is not UTF-8.</li>
 * <li>{@code perfeval_consumer_lag} (records behind the end of each topic for this group) is
 * computed here, in the consumer thread, since a Kafka consumer is not thread-safe.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration LAG_INTERVAL = Duration.ofSeconds(5);
    private static final Duration BROKER_CALL_TIMEOUT = Duration.ofSeconds(2);

    private final ReportConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ReadModel readModel;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lagByTopic = new LinkedHashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> pendingCommits = new HashMap<>();
    private volatile boolean running;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> deadLetters;
    private Thread thread;
    private long lagComputedAt;

    public EventConsumer(ReportConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                         ReadModel readModel, MeterRegistry registry) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.readModel = readModel;
        this.registry = registry;
    }

    void start(@Observes StartupEvent ev) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> producerProps = new HashMap<>(kafkaConfig);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerProps.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        deadLetters = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());

        for (String topic : topics()) {
            AtomicLong lag = new AtomicLong();
            lagByTopic.put(topic, lag);
            Gauge.builder("perfeval.consumer.lag", lag, AtomicLong::get)
                    .description("Records of the topic not yet consumed by this service's consumer group")
                    .tags("topic", topic, "group", config.consumerGroup())
                    .register(registry);
            deadLetterCounter(topic); // present at 0 before the first poison record
        }
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
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    private List<String> topics() {
        return List.of(config.budgetEvents().topic(), config.scoreEvents().topic());
    }

    private void run() {
        try {
            consumer.subscribe(topics());
            while (running) {
                try {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        processBatch(records);
                    }
                    commitPending();
                    updateLag();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // e.g. the broker is gone: keep the thread, try again shortly
                    LOG.warnf("event consumer loop failed (%s); retrying", e.toString());
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
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

    private void processBatch(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (ConsumerRecord<byte[], byte[]> r : records) {
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
        pendingCommits.putAll(done);
    }

    /** Commits what was processed; kept for the next loop when the broker cannot be reached. */
    private void commitPending() {
        if (pendingCommits.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(pendingCommits, BROKER_CALL_TIMEOUT);
            pendingCommits.clear();
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partitions went to another member, which starts from the last committed offset;
            // the redelivered records change nothing (older versions are skipped)
            LOG.infof("offsets not committed after a rebalance (%s)", e.toString());
            pendingCommits.clear();
        } catch (KafkaException e) {
            LOG.debugf("offsets not committed yet (%s); retrying", e.toString());
        }
    }

    /** Applies one record, with the unit-year of its key in the logging MDC (also when it is set aside). */
    private void handle(ConsumerRecord<byte[], byte[]> r) {
        String[] unitYear = lossy(r.key()) == null ? new String[0] : lossy(r.key()).split(":", 2);
        if (unitYear.length == 2) {
            MDC.put("unit", abbreviate(unitYear[0]));
            MDC.put("year", abbreviate(unitYear[1]));
        }
        try {
            apply(r);
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        Object event;
        try {
            event = decode(r.topic(), r.value());
        } catch (UnreadableEventException e) {
            setAside(r, e.getMessage());
            return;
        }
        // stored as received (decode checked it is UTF-8), so that fields added later are kept
        String value = new String(r.value(), StandardCharsets.UTF_8);
        boolean applied;
        long version;
        if (event instanceof BudgetUnitYearChanged budget) {
            putUnitYearInMdc(budget.unitCode(), budget.fiscalYear());
            applied = readModel.applyBudgetEvent(budget, value, r.topic());
            version = budget.version();
        } else {
            UnitYearScored score = (UnitYearScored) event;
            putUnitYearInMdc(score.unitCode(), score.fiscalYear());
            applied = readModel.applyScoreEvent(score, value, r.topic());
            version = score.version();
        }
        LOG.debugf("%s version %d %s", r.topic(), version, applied ? "applied" : "skipped (not newer)");
    }

    /**
     * The event of a record, read by the shared codec of libs/events: a {@link BudgetUnitYearChanged}
     * from the budget topic, a {@link UnitYearScored} from the score topic (UTF-8 JSON of the
     * topic's type, a schemaVersion this service knows, the fields it needs present); else a
     * poison record with the reason.
     */
    Object decode(String topic, byte[] value) throws UnreadableEventException {
        return topic.equals(config.budgetEvents().topic()) ? EventCodec.readBudgetEvent(value)
                : EventCodec.readScoreEvent(value);
    }

    /** The event's own unit-year, should the key disagree. */
    private static void putUnitYearInMdc(String unitCode, int fiscalYear) {
        MDC.put("unit", abbreviate(unitCode));
        MDC.put("year", Integer.toString(fiscalYear));
    }

    /**
     * Publishes the record to the dead-letter topic and waits for the broker's acknowledgement,
     * then records the rejection. A failure to publish throws, so that the batch rewinds to this
     * record and its offset is not committed.
     */
    private void setAside(ConsumerRecord<byte[], byte[]> r, String reason) {
        String deadLetterTopic = deadLetterTopic(r.topic());
        LOG.warnf("event %s-%d@%d set aside to %s: %s", r.topic(), r.partition(), r.offset(), deadLetterTopic, reason);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(deadLetterTopic, null, r.key(), r.value());
        for (Header h : r.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                dead.headers().add(h);
            }
        }
        dead.headers().add("dead-letter-reason", utf8(reason))
                .add("dead-letter-source-topic", utf8(r.topic()))
                .add("dead-letter-partition", utf8(Integer.toString(r.partition())))
                .add("dead-letter-offset", utf8(Long.toString(r.offset())))
                .add("dead-letter-consumer-group", utf8(config.consumerGroup()));
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter to " + deadLetterTopic + " not acknowledged: " + e, e);
        }
        deadLetterCounter(r.topic()).increment();
        readModel.reject(r.topic(), r.partition(), r.offset(), lossy(r.key()), reason, lossy(r.value()));
    }

    private String deadLetterTopic(String source) {
        return source.equals(config.budgetEvents().topic()) ? config.budgetEvents().deadLetterTopicOrDefault()
                : source.equals(config.scoreEvents().topic()) ? config.scoreEvents().deadLetterTopicOrDefault()
                : source + ".dead-letter";
    }

    private Counter deadLetterCounter(String sourceTopic) {
        return Counter.builder("perfeval.dead.letters")
                .description("Records set aside to a dead-letter topic, by source topic")
                .tag("topic", sourceTopic)
                .register(registry);
    }

    /** Sum over the assigned partitions of each topic of (end offset − position); at most every 5 s. */
    private void updateLag() {
        long now = System.nanoTime();
        if (now - lagComputedAt < LAG_INTERVAL.toNanos()) {
            return;
        }
        lagComputedAt = now;
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, BROKER_CALL_TIMEOUT);
            Map<String, Long> lag = new HashMap<>();
            for (TopicPartition tp : assigned) {
                long behind = Math.max(0, ends.getOrDefault(tp, 0L) - consumer.position(tp, BROKER_CALL_TIMEOUT));
                lag.merge(tp.topic(), behind, Long::sum);
            }
            lag.forEach((topic, n) -> {
                AtomicLong gauge = lagByTopic.get(topic);
                if (gauge != null) {
                    gauge.set(n);
                }
            });
        } catch (KafkaException e) {
            LOG.debugf("consumer lag not computed (%s)", e.toString());
        }
    }

    private static String lossy(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "\uFFFD");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

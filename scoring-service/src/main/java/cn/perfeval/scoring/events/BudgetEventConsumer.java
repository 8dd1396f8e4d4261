package cn.perfeval.scoring.events;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnreadableEventException;
import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.service.ScoringService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    private final DeadLetters deadLetters;
    private final PipelineMetrics metrics;
    private long lagMeasuredAt;
    /**
     * Records dead-lettered by this consumer (topic-partition@offset), so that a poll processed
     * again after a failed batch does not publish the same dead letter twice.
     */
    private final Set<String> deadLettered = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    private final Counter skipped;
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    public BudgetEventConsumer(ScoringConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                               ScoringService scoring, DeadLetters deadLetters,
                               PipelineMetrics metrics, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.skipped = Counter.builder("perfeval.budget.events.superseded")
                .description("Budget events not applied because a newer version of their unit-year came in the same poll")
                .register(registry);
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.scoring = scoring;
    }

    void start(@Observes StartupEvent ev) {
        deadLetters.track(config.budgetEvents().topic());
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
                measureLag();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Applies a poll's records in one database transaction: poison records are dead-lettered
     * first, then of each unit-year only its newest event is applied (an older version in the same
     * poll would be recomputed only to be superseded at once; events carry the full state), in the
     * order of unit codes, as an assignment locks them. Offsets are committed after the database
     * commit. Should the transaction fail, the poll is processed again record by record, each in
     * its own transaction, so that one failing event holds back only itself and what follows it.
     */
    private void processBatch(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
        Map<String, BudgetUnitYearChanged> newest = new TreeMap<>();
        int valid = 0;
        try {
            for (ConsumerRecord<String, String> r : records) {
                BudgetUnitYearChanged event = decodeOrDeadLetter(r);
                if (event != null) {
                    valid++;
                    newest.merge(event.unitCode() + ":" + event.fiscalYear(), event,
                            (a, b) -> b.version() > a.version() ? b : a);
                }
                last.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
            QuarkusTransaction.requiringNew().run(() -> newest.values().forEach(event -> {
                apply(event);
                // each event's work is complete: keep the persistence context from growing with the poll
                scoring.flushAndClear();
            }));
        } catch (RuntimeException e) {
            LOG.infof("budget events not applied as one batch (%s); applying them one by one", e.toString());
            processOneByOne(records);
            return;
        }
        skipped.increment(valid - newest.size());
        consumer.commitSync(last);
    }

    private void apply(BudgetUnitYearChanged event) {
        MDC.put("unit", event.unitCode());
        MDC.put("year", Integer.toString(event.fiscalYear()));
        try {
            scoring.onBudgetEvent(event);
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    /** The event of a record, or null when it was poison and is now dead-lettered. */
    private BudgetUnitYearChanged decodeOrDeadLetter(ConsumerRecord<String, String> r) {
        putKeyInMdc(r.key());
        try {
            return decode(r.value());
        } catch (PoisonRecordException e) {
            setAside(r, e);
            return null;
        } finally {
            MDC.remove("unit");
            MDC.remove("year");
        }
    }

    private void setAside(ConsumerRecord<String, String> r, PoisonRecordException e) {
        String id = r.topic() + "-" + r.partition() + "@" + r.offset();
        if (deadLettered.contains(id)) {
            return;
        }
        LOG.warnf("budget event %s-%d@%d set aside to %s: %s", r.topic(), r.partition(), r.offset(),
                config.budgetEvents().deadLetterTopic(), e.getMessage());
        deadLetters.publish(r, e.getMessage());
        scoring.reject(r.topic(), r.partition(), r.offset(), r.key(), e.getMessage(), r.value());
        deadLettered.add(id);
    }

    /** The records of a poll, each in its own transaction; on a failure, the rest is consumed again. */
    private void processOneByOne(ConsumerRecords<String, String> records) {
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

    /**
     * Applies one record. A poison record (undecodable, or an invalid event) is published to the
     * dead-letter topic and kept as a rejected_event row, and the consumer moves on: its offset is
     * committed with the batch only after the broker acknowledged the dead letter, so a failure
     * there (an exception) has the record consumed again instead of lost.
     */
    private void handle(ConsumerRecord<String, String> r) {
        BudgetUnitYearChanged event = decodeOrDeadLetter(r);
        if (event != null) {
            apply(event);
        }
    }

    /** The unit-year of the record's key ("unit:year"), for the log lines of an event not decoded yet. */
    private static void putKeyInMdc(String key) {
        if (key == null) {
            return;
        }
        int colon = key.lastIndexOf(':');
        MDC.put("unit", colon < 0 ? key : key.substring(0, colon));
        if (colon >= 0) {
            MDC.put("year", key.substring(colon + 1));
        }
    }

    /**
     * Records behind the end of the topic for this group: end offsets minus the consumer's
     * positions over its assigned partitions. Measured here because a KafkaConsumer belongs to one
     * thread; at most once a second, since the end offsets cost a request to the broker.
     */
    private void measureLag() {
        long now = System.nanoTime();
        if (now - lagMeasuredAt < 1_000_000_000L) {
            return;
        }
        lagMeasuredAt = now;
        try {
            var assigned = consumer.assignment();
            if (assigned.isEmpty()) {
                metrics.consumerLag(0);
                return;
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(2));
            long behind = 0;
            for (TopicPartition tp : assigned) {
                Long end = ends.get(tp);
                if (end != null) {
                    behind += Math.max(0, end - consumer.position(tp, Duration.ofSeconds(2)));
                }
            }
            metrics.consumerLag(behind);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.debugf("consumer lag not measured: %s", e.toString());
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

    private static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }
}

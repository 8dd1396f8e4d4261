package cn.perfeval.platform.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The one consumer loop of the services: poll, decode each record strictly (UTF-8, then the
 * service's decoder), hand the poll's events to the service's handler, commit the offsets after
 * the handler's database commit. No record can stop it:
 * <ul>
 * <li>a record that cannot be decoded, or whose processing fails {@code perfeval.kafka.consumer.max-attempts}
 * times (with a doubling backoff), is set aside ({@link DeadLetters}: dead-letter topic, then a
 * {@code rejected_event} row with the reason) and the loop moves on. Failures of the database
 * connection, lock conflicts and timeouts are not counted: the record waits until they pass. The
 * handler is then told ({@link Handler#setAside}), so that the service can say what was not processed;</li>
 * <li>any other failure of the loop itself (a commit or a poll that throws) closes the consumer, and
 * a new one is opened after {@code perfeval.kafka.consumer.restart-backoff}; meanwhile
 * {@link #health()} says why, and the service is not ready ({@link ConsumerHealth}). Records
 * processed but not committed are consumed again by the new consumer and change nothing, since the
 * handlers skip versions they already have.</li>
 * </ul>
 *
 * <p>Why this loop and not SmallRye Reactive Messaging (quarkus-messaging-kafka, batch
 * {@code @Incoming} with the dead-letter-queue failure strategy): scoring applies a whole poll in ONE
 * database transaction and skips the versions of a unit-year superseded within the poll, which
 * docs/benchmarks.md measured at 11.6 → about 30 recomputations/s (ThroughputMeasurementTest,
 * 800 events). A batch {@code @Incoming} can do that transaction too, but its failure strategy acts on
 * the batch as a whole: a nacked batch would send every record of the poll to the dead-letter topic,
 * where this loop isolates the one failing record (one-by-one pass) and retries it a bounded number of
 * times first; neither the bounded retry, the {@code rejected_event} row beside the dead letter, nor a
 * readiness check that says which consumer stopped and why come with the connector, so adopting it
 * would keep most of this class as callbacks around it, plus a second Kafka client stack (Vert.x) in
 * each service. No separate measurement of the connector was made.
 *
 * <p>A Kafka consumer belongs to one thread: everything that touches it runs on the loop's thread,
 * including the lag measurement ({@code perfeval_consumer_lag{topic,group}}).
 */
public final class ConsumerLoop<T> {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BROKER_CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    private static final long LAG_INTERVAL_NANOS = 2_000_000_000L;

    /** Turns a record's text (strictly decoded UTF-8; null for a record without value) into an event. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(String topic, String text) throws PoisonRecordException;
    }

    /** Applies decoded events; each call commits its own database work before returning. */
    public interface Handler<T> {
        /** The events of one poll, in record order; by default one by one. */
        default void applyBatch(List<T> events) {
            events.forEach(this::applyOne);
        }

        /** One event on its own, after {@link #applyBatch} failed, to find the record that fails. */
        void applyOne(T event);

        /**
         * Called once a record was set aside (after its dead letter was acknowledged and its
         * {@code rejected_event} row kept), before its offset is committed; by default nothing. A
         * service marks here what the record was about (scoring: the unit-year is not scored, with
         * the reason). A failure that is not the record's fault (database unavailable, a lock
         * conflict) propagates, so that the record is met again; any other is logged, never stops
         * the loop.
         */
        default void setAside(SetAside<T> aside) {
        }
    }

    /**
     * A record set aside: the record as received; its event when it was decoded (null for poison);
     * the reason as in the dead letter; the failed attempts (0 for poison); the failure (the
     * {@link PoisonRecordException} for poison, else the last processing failure).
     */
    public record SetAside<T>(ConsumerRecord<byte[], byte[]> record, T event, String reason, int attempts,
                              Throwable failure) {

        /** Undecodable or invalid, never tried. */
        public boolean poison() {
            return attempts == 0;
        }

        /** The record's key as text (invalid UTF-8 and NUL replaced), null without key. */
        public String key() {
            return DeadLetters.lossy(record.key());
        }

        /** The record's value as text (invalid UTF-8 and NUL replaced), null without value. */
        public String value() {
            return DeadLetters.lossy(record.value());
        }
    }

    /**
     * What a loop consumes: its name (in logs and in the health check), its topics, its consumer
     * group and the dead-letter topic of each source topic.
     */
    public record Spec(String name, List<String> topics, String group, Function<String, String> deadLetterTopic) {
    }

    private final Spec spec;
    private final Map<String, Object> kafkaConfig;
    private final KafkaSettings.Consumer settings;
    private final DeadLetters deadLetters;
    private final Decoder<T> decoder;
    private final Handler<T> handler;
    private final Map<String, AtomicLong> lagByTopic = new LinkedHashMap<>();
    /** Failed attempts per record (topic-partition@offset) not yet set aside. */
    private final Map<String, Integer> attempts = new HashMap<>();
    /** Records set aside by this loop, so that a poll consumed again does not publish the same dead letter twice. */
    private final Set<String> deadLettered = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    private final AtomicInteger commitFaults = new AtomicInteger();
    private volatile boolean running;
    private volatile String stoppedReason;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private long lagMeasuredAt;
    /** When the current consumer was opened, and whether its first records and first commit were logged yet. */
    private long openedAt;
    private boolean firstRecordsLogged;
    private boolean firstCommitLogged;

    ConsumerLoop(Spec spec, Map<String, Object> kafkaConfig, KafkaSettings.Consumer settings, DeadLetters deadLetters,
                 MeterRegistry registry, Decoder<T> decoder, Handler<T> handler) {
        this.spec = spec;
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.decoder = decoder;
        this.handler = handler;
        for (String topic : spec.topics()) {
            AtomicLong lag = new AtomicLong();
            lagByTopic.put(topic, lag);
            Gauge.builder("perfeval.consumer.lag", lag, AtomicLong::get)
                    .description("Records of the topic not yet consumed by this service's consumer group")
                    .tags("topic", topic, "group", spec.group())
                    .register(registry);
            deadLetters.track(topic); // present at 0 before the first dead letter
        }
    }

    public String name() {
        return spec.name();
    }

    /** Null while the loop consumes; otherwise why it does not (and when it starts again). */
    public String health() {
        return running ? stoppedReason : spec.name() + " consumer stopped";
    }

    public synchronized void start() {
        running = true;
        stoppedReason = null;
        thread = new Thread(this::run, spec.name() + "-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            LockSupport.unpark(thread);
            thread.join(10_000);
            thread = null;
        }
    }

    /**
     * Test hook, never called by the services: the next {@code times} offset commits throw, as a
     * commit refused after a rebalance or a coordinator timeout would.
     */
    public void failNextCommits(int times) {
        commitFaults.set(times);
    }

    private void run() {
        while (running) {
            try {
                KafkaConsumer<byte[], byte[]> c = open();
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
                    if (!records.isEmpty()) {
                        process(c, records);
                    }
                    measureLag(c);
                }
            } catch (WakeupException e) {
                if (running) {
                    stopped(e);
                }
            } catch (Throwable e) {
                stopped(e);
            } finally {
                close();
            }
            if (running) {
                LockSupport.parkNanos(settings.restartBackoff().toNanos());
                if (running) {
                    LOG.infof("%s consumer starting again", spec.name());
                }
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> open() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, spec.group());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        openedAt = System.nanoTime();
        firstRecordsLogged = false;
        firstCommitLogged = false;
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer = c;
        // the start-up of consumption, step by step (issue #18: where the fixed cost of a recomputation goes)
        LOG.infof("%s consumer opened (group %s) in %d ms", spec.name(), spec.group(), sinceOpened());
        c.subscribe(spec.topics(), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                LOG.infof("%s consumer: %d partitions assigned %d ms after it was opened", spec.name(), partitions.size(),
                        sinceOpened());
            }
        });
        stoppedReason = null;
        return c;
    }

    private void close() {
        KafkaConsumer<byte[], byte[]> c = consumer;
        consumer = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("%s consumer not closed cleanly: %s", spec.name(), e.toString());
            }
        }
    }

    private void stopped(Throwable e) {
        stoppedReason = "%s consumer stopped: %s; restarting in %d s".formatted(spec.name(), describe(e),
                settings.restartBackoff().toSeconds());
        LOG.warn(stoppedReason, e);
    }

    /**
     * Decodes the poll, sets poison aside, applies the events as one batch and commits. Should the
     * batch fail, the records are applied one by one, so that a failing record holds back only
     * itself (for its attempts) and what follows it.
     */
    private void process(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
        if (!firstRecordsLogged) {
            firstRecordsLogged = true;
            LOG.infof("%s consumer: first %d records %d ms after it was opened", spec.name(), records.count(), sinceOpened());
        }
        List<Item<T>> items = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            items.add(new Item<>(r, decodeOrSetAside(r)));
            last.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        List<T> events = items.stream().map(Item::event).filter(Objects::nonNull).toList();
        try {
            if (!events.isEmpty()) {
                handler.applyBatch(events);
            }
        } catch (RuntimeException e) {
            LOG.infof("%s: events not applied as one batch (%s); applying them one by one", spec.name(), describe(e));
            processOneByOne(c, records, items);
            return;
        }
        if (!attempts.isEmpty()) {
            items.forEach(i -> attempts.remove(id(i.record())));
        }
        commit(c, last);
    }

    private void processOneByOne(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records,
                                 List<Item<T>> items) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (Item<T> item : items) {
            ConsumerRecord<byte[], byte[]> r = item.record();
            if (item.event() != null) {
                try {
                    handler.applyOne(item.event());
                    attempts.remove(id(r));
                } catch (RuntimeException e) {
                    Duration wait = failed(item, e);
                    if (wait != null) {
                        // consumed again from here after the wait; what was done before it is committed
                        for (TopicPartition tp : records.partitions()) {
                            OffsetAndMetadata next = done.get(tp);
                            c.seek(tp, next != null ? next.offset() : records.records(tp).get(0).offset());
                        }
                        commit(c, done);
                        LockSupport.parkNanos(wait.toNanos());
                        return;
                    }
                }
            }
            done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        commit(c, done);
    }

    /** After a failed attempt: how long to wait before the next, or null when the record is now set aside. */
    private Duration failed(Item<T> item, RuntimeException e) {
        ConsumerRecord<byte[], byte[]> r = item.record();
        String id = id(r);
        if (isTransient(e)) {
            LOG.warnf("%s: %s not processed (%s); it is tried again once this passes", spec.name(), id, describe(e));
            return settings.retryBackoff();
        }
        int n = attempts.merge(id, 1, Integer::sum);
        if (n >= settings.maxAttempts()) {
            putKeyInMdc(r.key());
            try {
                setAside(r, item.event(), "processing failed %d times: %s".formatted(n, describe(e)), n, e);
            } finally {
                clearMdc();
            }
            attempts.remove(id);
            return null;
        }
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(n - 1, 10));
        LOG.warnf(e, "%s: %s failed (attempt %d of %d); tried again in %d ms", spec.name(), id, n,
                settings.maxAttempts(), wait.toMillis());
        return wait;
    }

    /** The event of a record, or null when it is poison and now set aside. */
    private T decodeOrSetAside(ConsumerRecord<byte[], byte[]> r) {
        putKeyInMdc(r.key());
        try {
            String text;
            try {
                text = r.value() == null ? null : strictUtf8(r.value());
            } catch (CharacterCodingException e) {
                throw new PoisonRecordException("undecodable: the value is not UTF-8", e);
            }
            return decoder.decode(r.topic(), text);
        } catch (PoisonRecordException e) {
            setAside(r, null, e.getMessage(), 0, e);
            return null;
        } finally {
            clearMdc();
        }
    }

    private void setAside(ConsumerRecord<byte[], byte[]> r, T event, String reason, int attempts, Throwable failure) {
        String id = id(r);
        if (deadLettered.contains(id)) {
            return;
        }
        String deadLetterTopic = spec.deadLetterTopic().apply(r.topic());
        LOG.warnf("%s set aside to %s: %s", id, deadLetterTopic, reason);
        deadLetters.setAside(r, deadLetterTopic, spec.group(), reason);
        try {
            handler.setAside(new SetAside<>(r, event, reason, attempts, failure));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e; // met again once this passes: dead letter and mark then repeated
            }
            LOG.errorf(e, "%s: set aside, but the service could not record what it was about", id);
        }
        deadLettered.add(id);
    }

    private void commit(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        if (commitFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new KafkaException("offset commit refused (injected by a test)");
        }
        c.commitSync(offsets, COMMIT_TIMEOUT);
        if (!firstCommitLogged) {
            firstCommitLogged = true;
            LOG.infof("%s consumer: first commit %d ms after it was opened", spec.name(), sinceOpened());
        }
    }

    private long sinceOpened() {
        return (System.nanoTime() - openedAt) / 1_000_000;
    }

    /** Per topic, the records behind the end for this group (end offsets minus positions); at most every 2 s. */
    private void measureLag(KafkaConsumer<byte[], byte[]> c) {
        long now = System.nanoTime();
        if (now - lagMeasuredAt < LAG_INTERVAL_NANOS) {
            return;
        }
        lagMeasuredAt = now;
        try {
            Set<TopicPartition> assigned = c.assignment();
            Map<String, Long> lag = new HashMap<>();
            if (!assigned.isEmpty()) {
                Map<TopicPartition, Long> ends = c.endOffsets(assigned, BROKER_CALL_TIMEOUT);
                for (TopicPartition tp : assigned) {
                    long behind = Math.max(0, ends.getOrDefault(tp, 0L) - c.position(tp, BROKER_CALL_TIMEOUT));
                    lag.merge(tp.topic(), behind, Long::sum);
                }
            }
            lagByTopic.forEach((topic, gauge) -> gauge.set(lag.getOrDefault(topic, 0L)));
        } catch (KafkaException e) {
            if (e instanceof WakeupException) {
                throw e;
            }
            LOG.debugf("consumer lag not measured (%s)", e.toString());
        }
    }

    /**
     * Failures that say nothing about the record: the database unreachable or busy, a lock or
     * version conflict. They are retried without counting an attempt.
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof LockAcquisitionException
                    || t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException || t instanceof QueryTimeoutException
                    || t instanceof StaleStateException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // no state: the pool could not give a connection; 08 connection, 40 serialization or
                // deadlock, 53 insufficient resources, 57 operator intervention (server shutting down)
                if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message, for a reason a person reads; the kind of failure only when it has none. */
    static String describe(Throwable e) {
        Throwable root = e;
        String message = e.getMessage();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null) {
                message = root.getMessage();
            }
        }
        return message != null ? message : root.getClass().getSimpleName();
    }

    private static String id(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    /** The unit-year of the record's key ("unit:year") for the log lines about a record not decoded yet. */
    private static void putKeyInMdc(byte[] keyBytes) {
        String key = DeadLetters.lossy(keyBytes);
        if (key == null) {
            return;
        }
        int colon = key.lastIndexOf(':');
        MDC.put("unit", abbreviate(colon < 0 ? key : key.substring(0, colon)));
        if (colon >= 0) {
            MDC.put("year", abbreviate(key.substring(colon + 1)));
        }
    }

    private static void clearMdc() {
        MDC.remove("unit");
        MDC.remove("year");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private record Item<T>(ConsumerRecord<byte[], byte[]> record, T event) {
    }
}

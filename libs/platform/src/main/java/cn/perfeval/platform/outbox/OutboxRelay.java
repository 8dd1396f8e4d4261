package cn.perfeval.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed outbox events to Kafka in the order they were written, then marks them sent.
 * While the broker is unreachable, events wait in the table; they go out, in order, once it
 * is back. Delivery is at least once: consumers de-duplicate by the unit-year version.
 *
 * <p>Relayed rows are kept for {@code perfeval.outbox.retention} (default 7 days), then deleted by
 * this relay in small batches, so that the table holds what was sent lately and no more.
 */
@ApplicationScoped
@IfBuildProperty(name = "perfeval.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String application;
    /** Only one relay at a time across instances of the service, so that events leave in table order. */
    private final long relayLock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private boolean brokerDown;
    private long prunedAt = System.nanoTime();

    public OutboxRelay(EntityManager em, OutboxConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String application) {
        this.em = em;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.application = application;
        this.relayLock = 0x6f7574626f780000L | (application.hashCode() & 0xffffL);
    }

    void start(@Observes StartupEvent ev) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** A committed write wakes the relay at once; otherwise it looks every relay interval. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten ev) {
        wake.release();
    }

    private void run() {
        long intervalMs = config.relayInterval().toMillis();
        while (running) {
            try {
                wake.tryAcquire(intervalMs, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == config.batchSize() && running);
                pruneWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // e.g. the database is unreachable: try again next round
                LOG.warnf("outbox relay round failed: %s", e.toString());
            }
        }
    }

    /** Sends one batch; returns how many events were confirmed by the broker. */
    @Transactional
    int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + relayLock + ")")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("publishedAt is null order by id")
                .page(0, config.batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        try {
            for (OutboxEvent e : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(e.topic, e.recordKey, e.payload);
                record.headers().add("event-type", e.eventType.getBytes(StandardCharsets.UTF_8));
                record.headers().add("outbox-id", Long.toString(e.id).getBytes(StandardCharsets.UTF_8));
                acks.add(producer().send(record));
            }
        } catch (RuntimeException ex) {
            noteBrokerDown(ex);
        }
        // Mark the confirmed prefix only: what follows a failure is sent again next round.
        OffsetDateTime now = OffsetDateTime.now();
        int confirmed = 0;
        for (Future<RecordMetadata> ack : acks) {
            OutboxEvent event = batch.get(confirmed);
            eventMdc(event);
            try {
                ack.get();
            } catch (ExecutionException ex) {
                noteBrokerDown(ex.getCause());
                LOG.debugf("event %d not confirmed; it is sent again next round", event.id);
                break;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                clearMdc();
            }
            event.publishedAt = now;
            confirmed++;
        }
        if (confirmed < batch.size()) {
            // Records after the failure may still sit in the producer's buffer; sent again next
            // round, they would arrive twice. Drop them with the producer: a new one starts clean.
            discardProducer();
        }
        if (confirmed > 0 && brokerDown) {
            LOG.info("Kafka reachable again; relaying the events written meanwhile");
            brokerDown = false;
        }
        return confirmed;
    }

    private void pruneWhenDue() {
        long now = System.nanoTime();
        if (now - prunedAt < config.pruneInterval().toNanos()) {
            return;
        }
        prunedAt = now;
        int deleted;
        long total = 0;
        do {
            deleted = pruneBatch(OffsetDateTime.now().minus(config.retention()));
            total += deleted;
        } while (deleted == config.pruneBatchSize() && running);
        if (total > 0) {
            LOG.debugf("deleted %d relayed outbox rows older than %s", total, config.retention());
        }
    }

    /** Deletes one batch of relayed rows older than the cut-off, oldest first; returns how many. */
    @Transactional
    int pruneBatch(OffsetDateTime cutOff) {
        return em.createNativeQuery("DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event "
                        + "WHERE published_at IS NOT NULL AND published_at < ?1 ORDER BY id LIMIT ?2)")
                .setParameter(1, cutOff).setParameter(2, config.pruneBatchSize()).executeUpdate();
    }

    /** unit and year of the event's key ("unit:year") into the MDC, for what is logged about it. */
    private static void eventMdc(OutboxEvent event) {
        int colon = event.recordKey == null ? -1 : event.recordKey.lastIndexOf(':');
        if (colon > 0) {
            MDC.put("unit", event.recordKey.substring(0, colon));
            MDC.put("year", event.recordKey.substring(colon + 1));
        }
    }

    private static void clearMdc() {
        MDC.remove("unit");
        MDC.remove("year");
    }

    private void noteBrokerDown(Throwable cause) {
        if (!brokerDown) {
            LOG.warnf("Kafka not reachable (%s); events stay in the outbox and are sent once it is back",
                    cause.toString());
            brokerDown = true;
        }
    }

    private synchronized void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    void close(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
        synchronized (this) {
            if (producer != null) {
                producer.close();
                producer = null;
            }
        }
    }
}

package cn.perfeval.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sets aside records that can never be processed: publishes the original key, value (the bytes as
 * received) and headers to the dead-letter topic, with where they came from and why in
 * {@code dead-letter-*} headers, waits for the broker's acknowledgement, then keeps a
 * {@code rejected_event} row. Counts them as {@code perfeval_dead_letters_total{topic=<source>}}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String SOURCE_TOPIC = "dead-letter-source-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER_GROUP = "dead-letter-consumer-group";

    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final String application;
    private KafkaProducer<byte[], byte[]> producer;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry,
                       @ConfigProperty(name = "quarkus.application.name") String application) {
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.application = application;
    }

    /**
     * Publishes the record to {@code deadLetterTopic}, waits for the acknowledgement, then records
     * the rejection in its own transaction.
     *
     * @throws IllegalStateException when the broker did not acknowledge it: the caller must not
     *                               commit the record's offset, and will meet it again
     */
    public void setAside(ConsumerRecord<byte[], byte[]> r, String deadLetterTopic, String group, String reason) {
        String shortReason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(deadLetterTopic, null, r.key(), r.value());
        for (Header h : r.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                out.headers().add(h);
            }
        }
        out.headers().add(REASON, utf8(shortReason))
                .add(SOURCE_TOPIC, utf8(r.topic()))
                .add(PARTITION, utf8(Integer.toString(r.partition())))
                .add(OFFSET, utf8(Long.toString(r.offset())))
                .add(CONSUMER_GROUP, utf8(group));
        try {
            producer().send(out).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            discardProducer();
            throw new IllegalStateException("dead letter to " + deadLetterTopic + " not acknowledged: " + e, e);
        }
        track(r.topic()).increment();
        reject(r.topic(), r.partition(), r.offset(), lossy(r.key()), reason, lossy(r.value()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void reject(String topic, int partition, long offset, String key, String reason, String payload) {
        RejectedEvent r = new RejectedEvent();
        r.topic = topic;
        r.partition = partition;
        r.offset = offset;
        r.key = key;
        r.reason = reason;
        r.payload = payload;
        r.rejectedAt = OffsetDateTime.now();
        r.persist();
    }

    /**
     * The counter {@code perfeval_dead_letters_total{topic=<source topic>}}; registered at 0 when a
     * consumer starts, so that it is scraped before the first dead letter.
     */
    public Counter track(String sourceTopic) {
        return Counter.builder("perfeval.dead.letters")
                .description("Records set aside to a dead-letter topic, by the topic they were consumed from")
                .tag("topic", sourceTopic).register(registry);
    }

    /** The bytes as text for a log line or a database column, invalid UTF-8 and NUL replaced. */
    static String lossy(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "\uFFFD");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters");
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private synchronized void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    void close(@Observes ShutdownEvent ev) {
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}

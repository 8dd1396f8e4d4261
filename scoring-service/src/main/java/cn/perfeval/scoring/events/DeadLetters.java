package cn.perfeval.scoring.events;

import cn.perfeval.scoring.config.ScoringConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes records that can never be processed to the dead-letter topic, with the original key,
 * value and headers, and where they came from and why in {@code dead-letter-*} headers.
 * {@link #publish} returns only once the broker has acknowledged the record, so that the consumer
 * may commit the poison record's offset without losing it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String SOURCE_TOPIC = "dead-letter-source-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER_GROUP = "dead-letter-consumer-group";

    private final ScoringConfig config;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private KafkaProducer<String, String> producer;

    public DeadLetters(ScoringConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       MeterRegistry registry) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
    }

    /**
     * Sends the record to the dead-letter topic and waits for the acknowledgement.
     *
     * @throws IllegalStateException when the broker did not acknowledge it: the caller must not
     *                               commit the record's offset, and will meet it again
     */
    public void publish(ConsumerRecord<String, String> r, String reason) {
        ProducerRecord<String, String> out = new ProducerRecord<>(config.budgetEvents().deadLetterTopic(), r.key(), r.value());
        for (Header h : r.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                out.headers().add(h.key(), h.value());
            }
        }
        out.headers().add(REASON, bytes(reason.length() > 2000 ? reason.substring(0, 2000) : reason));
        out.headers().add(SOURCE_TOPIC, bytes(r.topic()));
        out.headers().add(PARTITION, bytes(Integer.toString(r.partition())));
        out.headers().add(OFFSET, bytes(Long.toString(r.offset())));
        out.headers().add(CONSUMER_GROUP, bytes(config.budgetEvents().group()));
        try {
            producer().send(out).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            discardProducer();
            throw new IllegalStateException("dead letter not acknowledged: " + e, e);
        }
        track(r.topic()).increment();
    }

    /**
     * The counter {@code perfeval_dead_letters_total{topic=<source topic>}}; registered at 0 by the
     * consumer at start-up, so that it is scraped before the first dead letter.
     */
    public Counter track(String sourceTopic) {
        return counters.computeIfAbsent(sourceTopic, topic -> Counter.builder("perfeval.dead.letters")
                .description("Records set aside to the dead-letter topic, by the topic they were consumed from")
                .tag("topic", topic).register(registry));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "scoring-dead-letters");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
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

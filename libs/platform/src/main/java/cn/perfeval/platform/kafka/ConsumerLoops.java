package cn.perfeval.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Makes the services' consumer loops, keeps them for the readiness check and stops them at shutdown. */
@ApplicationScoped
public class ConsumerLoops {

    private final Map<String, Object> kafkaConfig;
    private final KafkaSettings settings;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final List<ConsumerLoop<?>> loops = new CopyOnWriteArrayList<>();

    public ConsumerLoops(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KafkaSettings settings,
                         DeadLetters deadLetters, MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /** A started loop. */
    public <T> ConsumerLoop<T> start(ConsumerLoop.Spec spec, ConsumerLoop.Decoder<T> decoder,
                                     ConsumerLoop.Handler<T> handler) {
        ConsumerLoop<T> loop = new ConsumerLoop<>(spec, kafkaConfig, settings.consumer(), deadLetters, registry,
                decoder, handler);
        loops.add(loop);
        loop.start();
        return loop;
    }

    List<ConsumerLoop<?>> all() {
        return loops;
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        for (ConsumerLoop<?> loop : loops) {
            loop.stop();
        }
    }
}

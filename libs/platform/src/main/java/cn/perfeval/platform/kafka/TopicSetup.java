package cn.perfeval.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics of {@code perfeval.kafka.topics} with their partition counts and the
 * configured replication factor when they do not exist yet. A service that lists none creates none.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final KafkaSettings settings;
    private final Map<String, Object> kafkaConfig;

    public TopicSetup(KafkaSettings settings, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.settings = settings;
        this.kafkaConfig = kafkaConfig;
    }

    void onStart(@Observes StartupEvent ev) {
        List<NewTopic> topics = settings.topics().values().stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), settings.replicationFactor())).toList();
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (Admin admin = Admin.create(props)) {
            CreateTopicsResult result = admin.createTopics(topics);
            for (NewTopic topic : topics) {
                try {
                    result.values().get(topic.name()).get(6, TimeUnit.SECONDS);
                    LOG.infof("created topic %s with %d partitions, replication factor %d", topic.name(),
                            topic.numPartitions(), topic.replicationFactor());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        notCreated(topic.name(), e.getCause());
                    }
                }
            }
        } catch (Exception e) {
            topics.forEach(t -> notCreated(t.name(), e));
        }
    }

    private static void notCreated(String topic, Throwable cause) {
        LOG.warnf("topic %s not created (%s); the broker will create it on first use", topic, cause.toString());
    }
}

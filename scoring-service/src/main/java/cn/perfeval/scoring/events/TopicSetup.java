package cn.perfeval.scoring.events;

import cn.perfeval.scoring.config.ScoringConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Creates the events topic with its partition count when it does not exist yet. */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final ScoringConfig config;
    private final Map<String, Object> kafkaConfig;

    public TopicSetup(ScoringConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    void onStart(@Observes StartupEvent ev) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (Admin admin = Admin.create(props)) {
            NewTopic topic = new NewTopic(config.scoreEvents().topic(), config.scoreEvents().partitions(), (short) 1);
            admin.createTopics(List.of(topic)).all().get(6, TimeUnit.SECONDS);
            LOG.infof("created topic %s with %d partitions", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("topic %s not created (%s); the broker will create it on first use",
                        config.scoreEvents().topic(), e.getCause().toString());
            }
        } catch (Exception e) {
            LOG.warnf("topic %s not created (%s); the broker will create it on first use",
                    config.scoreEvents().topic(), e.toString());
        }
    }
}

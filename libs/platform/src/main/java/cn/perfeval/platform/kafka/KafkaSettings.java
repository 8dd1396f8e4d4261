package cn.perfeval.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Topic creation and consumer loop settings shared by the services (all with defaults). */
@ConfigMapping(prefix = "perfeval.kafka")
public interface KafkaSettings {

    /**
     * Replication factor of the topics this service creates at start-up. 1 suits one broker (the
     * embedded one of the tests, compose); a cluster of three takes 3.
     */
    @WithDefault("1")
    short replicationFactor();

    /**
     * The topics this service creates when they do not exist yet, by any label; each maps a name and
     * a partition count, usually from the service's own properties
     * ({@code perfeval.kafka.topics.events.name=${budget.events.topic}}).
     */
    Map<String, Topic> topics();

    Consumer consumer();

    interface Topic {
        String name();

        int partitions();
    }

    interface Consumer {
        /**
         * How many times a record whose processing fails is tried before it is set aside (dead-letter
         * topic and rejected_event). Failures of the database connection do not count: they are
         * retried until the database is back.
         */
        @WithDefault("3")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each further one. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Wait before a consumer that stopped (a failed commit, a failed poll) is opened again. */
        @WithDefault("5s")
        Duration restartBackoff();

        /**
         * Most records one poll returns ({@code max.poll.records}); a service that applies a poll in
         * one transaction writes that many events' rows in one batch.
         */
        @WithDefault("200")
        int maxPollRecords();
    }
}

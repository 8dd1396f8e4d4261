package cn.perfeval.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "report")
public interface ReportConfig {

    Topic budgetEvents();

    Topic scoreEvents();

    /** Where report-service publishes the season's TaskStateChanged events, through its outbox (docs/events.md). */
    SeasonTopic seasonEvents();

    interface SeasonTopic {
        @WithDefault("season-events")
        String topic();

        /** Partitions of the topic when TopicSetup creates it. */
        @WithDefault("3")
        int partitions();
    }

    /** Consumer group of the read model. */
    @WithDefault("report-service")
    String consumerGroup();

    Pdf pdf();

    interface Topic {
        String topic();

        /**
         * Where records of this topic that cannot be applied (undecodable or invalid) are published,
         * besides the {@code rejected_event} row; default {@code <topic>.dead-letter}.
         */
        Optional<String> deadLetterTopic();

        default String deadLetterTopicOrDefault() {
            return deadLetterTopic().orElse(topic() + ".dead-letter");
        }
    }

    interface Pdf {
        /**
         * A CJK font file (TTF, OTF or TTC) to embed in PDFs; when absent, Debian's standard
         * locations of fonts-wqy-zenhei and fonts-noto-cjk are tried.
         */
        Optional<String> fontPath();

        /** Face index inside a TTC (Noto CJK: 2 is SC); default 0, or 2 for a Noto CJK TTC. */
        Optional<Integer> fontIndex();
    }
}

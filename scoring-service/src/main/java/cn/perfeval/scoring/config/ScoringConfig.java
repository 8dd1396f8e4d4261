package cn.perfeval.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    BudgetEvents budgetEvents();

    ScoreEvents scoreEvents();

    /** Code of the indicator system used where no other is assigned. */
    @WithDefault("xiangtan-county")
    String defaultSystem();

    interface BudgetEvents {
        @WithDefault("budget-events")
        String topic();

        /** Consumer group; instances of this service share the partitions. */
        @WithDefault("scoring-service")
        String group();

        /**
         * Where a record that can never be processed (undecodable, or an invalid event) is
         * published, with the original key, value and headers and the reason in headers.
         */
        @WithDefault("budget-events.dead-letter")
        String deadLetterTopic();
    }

    interface ScoreEvents {
        @WithDefault("score-events")
        String topic();

        @WithDefault("6")
        int partitions();
    }
}

package cn.perfeval.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    BudgetEvents budgetEvents();

    ScoreEvents scoreEvents();

    Outbox outbox();

    /** Code of the indicator system used where no other is assigned. */
    @WithDefault("xiangtan-county")
    String defaultSystem();

    interface BudgetEvents {
        @WithDefault("budget-events")
        String topic();

        /** Consumer group; instances of this service share the partitions. */
        @WithDefault("scoring-service")
        String group();
    }

    interface ScoreEvents {
        @WithDefault("score-events")
        String topic();

        @WithDefault("6")
        int partitions();
    }

    interface Outbox {
        @WithDefault("500ms")
        Duration relayInterval();

        @WithDefault("500")
        int batchSize();
    }
}

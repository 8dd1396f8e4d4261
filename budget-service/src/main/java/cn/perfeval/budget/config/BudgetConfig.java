package cn.perfeval.budget.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "budget")
public interface BudgetConfig {

    Events events();

    Outbox outbox();

    interface Events {
        /** The topic of unit-year change events. */
        @WithDefault("budget-events")
        String topic();

        /** Partitions of the topic when this service creates it; records are keyed by unit-year. */
        @WithDefault("6")
        int partitions();
    }

    interface Outbox {
        /** How often the relay looks for unpublished events. */
        @WithDefault("500ms")
        Duration relayInterval();

        /** Events sent per relay round at most. */
        @WithDefault("500")
        int batchSize();
    }
}

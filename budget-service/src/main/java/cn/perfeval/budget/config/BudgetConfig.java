package cn.perfeval.budget.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "budget")
public interface BudgetConfig {

    Events events();

    interface Events {
        /** The topic of unit-year change events. */
        @WithDefault("budget-events")
        String topic();

        /** Partitions of the topic when this service creates it; records are keyed by unit-year. */
        @WithDefault("6")
        int partitions();
    }
}

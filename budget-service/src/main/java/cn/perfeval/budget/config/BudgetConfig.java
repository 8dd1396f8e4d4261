package cn.perfeval.budget.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /** The bulk import jobs (issue #18). */
    Jobs jobs();

    interface Jobs {
        /** Whether this instance processes jobs (several may: unit-years are claimed row by row). */
        @WithDefault("true")
        boolean workerEnabled();

        /** How often the worker looks for a queued or unfinished job while it has none. */
        @WithDefault("1s")
        Duration pollInterval();

        /** The longest NDJSON line (one unit-year) taken, in characters; a longer line is reported and skipped. */
        @WithDefault("1000000")
        int maxLineChars();
    }
}

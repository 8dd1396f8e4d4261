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

        /** Worker threads of this instance; each takes chunks of unit-years of its own. */
        @WithDefault("2")
        int workers();

        /**
         * Unit-years stored in one transaction. A refused unit-year writes nothing and does not affect the others;
         * when storing a chunk fails otherwise, its unit-years are taken again one transaction each.
         */
        @WithDefault("50")
        int chunkSize();

        /** Failed attempts to store a unit-year (for a reason other than its data) before it is reported. */
        @WithDefault("3")
        int maxAttempts();

        /** The longest NDJSON line (one unit-year) taken, in characters; a longer line is reported and skipped. */
        @WithDefault("1000000")
        int maxLineChars();
    }
}

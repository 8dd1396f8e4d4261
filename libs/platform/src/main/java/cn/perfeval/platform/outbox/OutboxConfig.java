package cn.perfeval.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The outbox relay of a service that publishes events (budget-service, scoring-service). The relay
 * and the outbox gauges exist only where {@code perfeval.outbox.enabled=true} is set at build time.
 */
@ConfigMapping(prefix = "perfeval.outbox")
public interface OutboxConfig {

    /** Build time: whether this service has an outbox (the relay and the gauges). */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for unpublished events (a committed write also wakes it at once). */
    @WithDefault("500ms")
    Duration relayInterval();

    /** Events sent per relay round at most. */
    @WithDefault("500")
    int batchSize();

    /** How long relayed rows are kept (for looking into what was sent) before the relay deletes them. */
    @WithDefault("7d")
    Duration retention();

    /** How often the relay deletes relayed rows older than the retention. */
    @WithDefault("1m")
    Duration pruneInterval();

    /** Rows deleted per statement (each in its own short transaction), so that pruning never holds long locks. */
    @WithDefault("500")
    int pruneBatchSize();
}

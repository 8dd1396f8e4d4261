package cn.perfeval.platform.outbox;

/** CDI event fired when a transaction writes to the outbox; observed after its commit. */
public record OutboxWritten() {
}

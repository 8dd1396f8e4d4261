package cn.perfeval.platform.outbox;

import cn.perfeval.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/**
 * Writes an event into the outbox inside the caller's transaction, and wakes the relay once that
 * transaction has committed. The services' writers only say which event goes to which topic.
 */
@ApplicationScoped
public class OutboxWriter {

    private final Event<OutboxWritten> written;

    public OutboxWriter(Event<OutboxWritten> written) {
        this.written = written;
    }

    /**
     * @param key     the Kafka record key ("unit:year"), so that one unit-year's events stay in order
     * @param type    the event type, also sent as the {@code event-type} header
     * @param payload the event, serialised as JSON by the event contract's codec (the same JSON in every service)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String topic, String key, String type, OffsetDateTime createdAt, Object payload) {
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.recordKey = key;
        row.eventType = type;
        row.createdAt = createdAt;
        row.payload = EventCodec.write(payload);
        row.persist();
        written.fire(new OutboxWritten());
    }
}

package cn.perfeval.platform.outbox;

import cn.perfeval.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes an event into the outbox inside the caller's transaction, and wakes the relay once that
 * transaction has committed. The services' writers only say which event goes to which topic.
 */
@ApplicationScoped
public class OutboxWriter {

    private final Event<OutboxWritten> written;
    private final EntityManager em;

    public OutboxWriter(Event<OutboxWritten> written, EntityManager em) {
        this.written = written;
        this.em = em;
    }

    /** An event to write: its topic, record key, type, creation time and payload, as {@link #write} takes them. */
    public record Pending(String topic, String key, String type, OffsetDateTime createdAt, Object payload) {
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

    /**
     * Writes several events in the caller's transaction as one JDBC batch, in the order given (their
     * ids, and so the relay's order, follow it), and wakes the relay once after commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        em.flush(); // rows written through the entity before these keep their earlier ids
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO outbox_event (topic, record_key, event_type, "
                    + "payload, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Pending e : events) {
                    st.setString(1, e.topic());
                    st.setString(2, e.key());
                    st.setString(3, e.type());
                    st.setString(4, EventCodec.write(e.payload()));
                    st.setObject(5, e.createdAt());
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
        written.fire(new OutboxWritten());
    }
}

package cn.perfeval.events;

/**
 * A record that no consumer can use: not UTF-8, not JSON, not the expected type, a schemaVersion
 * the consumer does not know, or a required field missing or of the wrong type. It is a poison
 * record: set aside to the dead-letter topic with {@link #getMessage()} as the reason, never retried.
 */
public class UnreadableEventException extends Exception {

    public UnreadableEventException(String reason) {
        super(reason);
    }

    public UnreadableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

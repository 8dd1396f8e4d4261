package cn.perfeval.platform.kafka;

/** A record that can never be processed (undecodable or invalid); it is set aside, not retried. */
public class PoisonRecordException extends Exception {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

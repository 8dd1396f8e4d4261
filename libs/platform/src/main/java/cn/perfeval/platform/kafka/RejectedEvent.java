package cn.perfeval.platform.kafka;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A record set aside by a consumer (undecodable, invalid, or failing every attempt), kept with the
 * reason. The table {@code rejected_event} is created by the consuming services' migrations
 * (scoring-service V1, report-service V1: the same columns).
 */
@Entity
@Table(name = "rejected_event")
public class RejectedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String topic;
    @Column(name = "partition_no")
    public int partition;
    @Column(name = "record_offset")
    public long offset;
    @Column(name = "record_key")
    public String key;
    public String reason;
    public String payload;
    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;
}

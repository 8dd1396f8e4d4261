package cn.perfeval.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An event that could not be decoded or was invalid, kept with the reason and skipped. */
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

package cn.perfeval.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One version of an indicator system as stored; never updated once written. */
@Entity
@Table(name = "indicator_system")
public class StoredSystem extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String name;
    /** JSON of the {@link IndicatorSystem}. */
    public String document;
    public boolean shipped;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Embeddable
    public record Key(@Column(name = "code") String code, @Column(name = "version") int version) implements Serializable {
    }
}

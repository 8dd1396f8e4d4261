package cn.perfeval.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** What a unit published about its scores; every recording kept, the latest is current. */
@Entity
@Table(name = "published_score")
public class PublishedRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    /** JSON of the {@link Published} scores. */
    public String document;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static Optional<PublishedRecord> current(String unitCode, int year) {
        return find("unitCode = ?1 and fiscalYear = ?2 order by id desc", unitCode, year).firstResultOptional();
    }
}

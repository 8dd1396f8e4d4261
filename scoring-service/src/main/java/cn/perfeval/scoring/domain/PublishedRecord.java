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
    /** How many recordings of the unit-year were kept up to this one (its version); set where it is read or recorded. */
    @jakarta.persistence.Transient
    public long version;

    /** How many recordings are kept: the version of the current one (0: none yet). */
    public static long version(String unitCode, int year) {
        return count("unitCode = ?1 and fiscalYear = ?2", unitCode, year);
    }

    public static Optional<PublishedRecord> current(String unitCode, int year) {
        Optional<PublishedRecord> current = find("unitCode = ?1 and fiscalYear = ?2 order by id desc", unitCode, year)
                .firstResultOptional();
        current.ifPresent(r -> r.version = count("unitCode = ?1 and fiscalYear = ?2 and id <= ?3", unitCode, year, r.id));
        return current;
    }
}

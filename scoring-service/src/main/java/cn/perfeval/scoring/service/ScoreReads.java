package cn.perfeval.scoring.service;

import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.NotScored;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The frequent read of {@code GET …/score}: the current result of a unit-year and whether its newest
 * budget data is marked not scored, in one statement on a pooled connection, without the ORM (docs/
 * benchmarks.md "Score read profile": the mark's own lookup and the ORM's query machinery were half of
 * what a score read cost). The result JSON is returned as stored.
 */
@ApplicationScoped
public class ScoreReads {

    /** The current stored result of a unit-year under a system, as a score read sends it, and its mark if any. */
    public record StoredScore(String unitCode, int fiscalYear, long version, long budgetVersion, OffsetDateTime computedAt,
                              BigDecimal total, BigDecimal maxTotal, String grade, boolean complete, String result,
                              String basis, String review, Optional<NotScored> mark) {
    }

    /*
     * The system is the requested one, else the one assigned to the unit-year's county and year,
     * else the default; the newest recomputation under it is found by score_result_current_idx.
     */
    static final String CURRENT = "SELECT r.seq, r.budget_version, r.computed_at, r.total, r.max_total, r.grade, "
            + "r.complete, r.result, r.basis, r.review, n.budget_version, n.cause, n.reason, n.attempts, n.since "
            + "FROM score_result r LEFT JOIN unit_year_not_scored n "
            + "ON n.unit_code = r.unit_code AND n.fiscal_year = r.fiscal_year "
            + "WHERE r.unit_code = ? AND r.fiscal_year = ? AND r.system_code = COALESCE(NULLIF(?, ''), "
            + "(SELECT a.system_code FROM budget_snapshot b JOIN system_assignment a "
            + "ON a.county = b.county AND a.fiscal_year = b.fiscal_year "
            + "WHERE b.unit_code = ? AND b.fiscal_year = ? AND b.version > 0), ?) "
            + "ORDER BY r.seq DESC LIMIT 1";

    private final AgroalDataSource dataSource;
    private final SystemCatalog systems;

    public ScoreReads(AgroalDataSource dataSource, SystemCatalog systems) {
        this.dataSource = dataSource;
        this.systems = systems;
    }

    /**
     * Empty when there is no stored result, for whatever reason (an unknown system, nothing scored
     * yet): the caller then finds out which, the slow way.
     */
    public Optional<StoredScore> current(String unitCode, int year, String requestedSystem) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(CURRENT)) {
            st.setString(1, unitCode);
            st.setInt(2, year);
            st.setString(3, requestedSystem == null ? "" : requestedSystem.strip());
            st.setString(4, unitCode);
            st.setInt(5, year);
            st.setString(6, systems.defaultSystemCode());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredScore(unitCode, year, rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6),
                        rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getString(10), mark(rs, unitCode, year)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("score read failed", e);
        }
    }

    /** The mark of the joined row, as NotScoredMarks.find would read it. */
    private static Optional<NotScored> mark(ResultSet rs, String unitCode, int year) throws SQLException {
        String cause = rs.getString(12);
        if (cause == null) {
            return Optional.empty();
        }
        NotScored n = new NotScored();
        n.key = new BudgetSnapshot.Key(unitCode, year);
        long version = rs.getLong(11);
        n.budgetVersion = rs.wasNull() ? null : version;
        n.cause = NotScored.Cause.valueOf(cause);
        n.reason = rs.getString(13);
        n.attempts = rs.getInt(14);
        n.since = rs.getObject(15, OffsetDateTime.class);
        return Optional.of(n);
    }
}

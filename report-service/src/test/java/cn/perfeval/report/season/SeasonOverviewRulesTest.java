package cn.perfeval.report.season;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Overdue days and the 自评质量 flag, at their edges. */
class SeasonOverviewRulesTest {

    static final LocalDate DEADLINE = LocalDate.of(2025, 4, 30);

    @Test
    void overdueFromTheDayAfterTheDeadlineWhileTheTaskAwaitsFiling() {
        assertThat(SeasonOverviewService.overdueDays(DEADLINE, DEADLINE, TaskState.NOT_STARTED)).isNull();
        assertThat(SeasonOverviewService.overdueDays(DEADLINE, DEADLINE.minusDays(3), TaskState.FILLING)).isNull();
        assertThat(SeasonOverviewService.overdueDays(DEADLINE, DEADLINE.plusDays(1), TaskState.NOT_STARTED)).isEqualTo(1);
        assertThat(SeasonOverviewService.overdueDays(DEADLINE, LocalDate.of(2025, 6, 1), TaskState.RETURNED)).isEqualTo(32);
        for (TaskState filed : new TaskState[]{TaskState.SUBMITTED, TaskState.IN_REVIEW, TaskState.APPROVED, TaskState.PUBLISHED}) {
            assertThat(SeasonOverviewService.overdueDays(DEADLINE, DEADLINE.plusDays(10), filed)).as(filed.name()).isNull();
        }
    }

    @Test
    void flaggedOnlyAboveTheThresholdEitherWay() {
        BigDecimal five = new BigDecimal("5.00");
        assertThat(SeasonOverviewService.flag(new BigDecimal("5"), five)).isNull();
        assertThat(SeasonOverviewService.flag(new BigDecimal("-5.00"), five)).isNull();
        assertThat(SeasonOverviewService.flag(null, five)).isNull();
        assertThat(SeasonOverviewService.flag(new BigDecimal("5.01"), five)).isEqualTo("自评质量：自评得分高于复核得分5.01分，超过5分的阈值");
        assertThat(SeasonOverviewService.flag(new BigDecimal("-12.5"), five)).isEqualTo("自评质量：自评得分低于复核得分12.5分，超过5分的阈值");
    }
}

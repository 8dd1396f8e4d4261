package cn.perfeval.scoring.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A formula as a working prints it: measures by their Chinese labels, functions and operators in words. */
class ReadableFormulaTest {

    @Test
    void measuresFunctionsAndOperatorsInWords() {
        assertThat(Expressions.readable("adjustmentNet / yearStartBudget * 100")).isEqualTo("预算调整数 / 年初预算数 × 100");
        assertThat(Expressions.readable("ABS(adjustmentNet) / yearStartBudget * 100")).isEqualTo("绝对值(预算调整数) / 年初预算数 × 100");
        assertThat(Expressions.readable("staffInService <= staffAuthorized && keyTasksCompleted >= keyTasksAssigned"))
                .isEqualTo("在职人员数 ≤ 编制数 且 重点工作办结数 ≥ 重点工作交办数");
        assertThat(Expressions.readable("IF(totalActual != 0, TRUE, FALSE)")).isEqualTo("如果(实际支出数 ≠ 0, 真, 假)");
    }
}

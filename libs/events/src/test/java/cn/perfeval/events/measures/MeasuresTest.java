package cn.perfeval.events.measures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuresTest {

    @Test
    void everyMeasureHasAChineseLabelAUnitAndADefinition() {
        assertThat(Measures.all()).hasSize(30);
        assertThat(Measures.names()).doesNotHaveDuplicates();
        assertThat(Measures.all()).allSatisfy(m -> {
            assertThat(m.name()).matches("[a-z][A-Za-z]+");
            assertThat(m.label()).as(m.name()).isNotBlank().doesNotContainPattern("[A-Za-z]");
            assertThat(m.definition()).as(m.name()).isNotBlank().doesNotContainPattern("[A-Za-z]");
            assertThat(m.unit()).as(m.name()).isIn("万元", "人", "件", "%");
        });
        assertThat(Measures.all().stream().map(Measures.Measure::label)).doesNotHaveDuplicates();
    }

    @Test
    void labelsAndUnitsAsABudgetTableWordsThem() {
        assertThat(Measures.label("basicBudget")).isEqualTo("基本支出年初预算数");
        assertThat(Measures.label("BASICBUDGET")).isEqualTo("基本支出年初预算数");
        assertThat(Measures.unit("yearStartBudget")).isEqualTo("万元");
        assertThat(Measures.unit("staffAuthorized")).isEqualTo("人");
        assertThat(Measures.label("staffInService")).isEqualTo("在职人员数");
        assertThat(Measures.label("noSuchMeasure")).isEqualTo("noSuchMeasure");
        assertThat(Measures.unit("noSuchMeasure")).isNull();
    }

    @Test
    void spellReplacesWholeNamesOnly() {
        assertThat(Measures.spell("threePublicActualLastYear / threePublicActual * 100 + x_basicActual"))
                .isEqualTo("上年“三公”经费实际支出数 / “三公”经费实际支出数 * 100 + x_basicActual");
        assertThat(Measures.spell("是 yearStartBudget = 4988.65 的取整")).isEqualTo("是 年初预算数 = 4988.65 的取整");
    }

    @Test
    void termsForCodes() {
        assertThat(Terms.severity("ERROR")).isEqualTo("错误");
        assertThat(Terms.severity("WARNING")).isEqualTo("警告");
        assertThat(Terms.severity("INFO")).isEqualTo("提示");
        assertThat(Terms.table("expenditure")).isEqualTo("支出总表");
        assertThat(Terms.table("budgetSummary")).isEqualTo("收支总表");
        assertThat(Terms.column("basic")).isEqualTo("基本支出");
        assertThat(Terms.column("yearEndBalance")).isEqualTo("年末结余");
        assertThat(Terms.column("revenue.经费拨款")).isEqualTo("经费拨款");
        assertThat(Terms.column("somethingNew")).isEqualTo("其他栏目");
        assertThat(Terms.inconsistencyKind("PRINTED_FIGURE")).isEqualTo("公布数字与计算所用数据不符");
        assertThat(Terms.inconsistencyKind("GRADE")).isEqualTo("等次与分数不符");
        assertThat(Terms.INCONSISTENCY_KINDS.values()).allSatisfy(v -> assertThat(v).doesNotContainPattern("[A-Za-z]"));
        assertThat(Terms.COLUMNS.values()).allSatisfy(v -> assertThat(v).doesNotContainPattern("[A-Za-z]"));
    }
}

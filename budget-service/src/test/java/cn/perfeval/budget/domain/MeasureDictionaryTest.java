package cn.perfeval.budget.domain;

import cn.perfeval.budget.api.MeasureValues;
import cn.perfeval.events.measures.Measures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The calculator's typed keys and the one dictionary of measures name exactly the same measures. */
class MeasureDictionaryTest {

    @Test
    void theEnumAndTheDictionaryHaveExactlyTheSameNames() {
        assertThat(Arrays.stream(Measure.values()).map(Enum::name).toList())
                .containsExactlyElementsOf(Measures.names());
    }

    @Test
    void theDocumentedMeasureValuesNameExactlyTheMeasures() {
        // the OpenAPI schema of a unit-year's measures (MeasureValues) must not drift from what the API answers
        assertThat(Arrays.stream(MeasureValues.class.getDeclaredFields())
                .filter(f -> java.lang.reflect.Modifier.isPublic(f.getModifiers())).map(java.lang.reflect.Field::getName).toList())
                .containsExactlyElementsOf(Measures.names());
        assertThat(Arrays.stream(MeasureValues.class.getDeclaredFields())
                .map(f -> f.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class).description()))
                .allSatisfy(d -> assertThat(d).matches("[^A-Za-z]+（(万元|人|%|件)）"));
    }

    @Test
    void labelsAndUnitsComeFromTheDictionary() {
        assertThat(Measure.basicBudget.label()).isEqualTo("基本支出年初预算数");
        assertThat(Measure.staffInService.unit()).isEqualTo("人");
        assertThat(Measure.adjustmentNet.definition()).isEqualTo("预算调增数减预算调减数");
        assertThat(Arrays.stream(Measure.values())).allSatisfy(m -> assertThat(m.label()).doesNotContainPattern("[A-Za-z]"));
    }
}

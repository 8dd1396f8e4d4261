package cn.perfeval.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextPolicyTest {

    @Test
    void freeTextKeepsLineBreaksMarkupAndFormulasButNotControlOrBidiCharacters() {
        assertThat(TextPolicy.freeTextProblem("一、工作概述\n\t第二行 <b>x</b>")).isNull();
        assertThat(TextPolicy.freeTextProblem("=HYPERLINK(\"http://evil\")")).isNull();
        assertThat(TextPolicy.freeTextProblem("产业😀")).isNull();
        assertThat(TextPolicy.freeTextProblem("ab\u0000")).isEqualTo("不得包含控制字符（U+0000，第3个字符）");
        assertThat(TextPolicy.freeTextProblem("\u0085")).isEqualTo("不得包含控制字符（U+0085，第1个字符）");
        assertThat(TextPolicy.freeTextProblem("李明\u202E")).isEqualTo("不得包含双向控制字符或不可见的格式字符（U+202E，第3个字符）");
        assertThat(TextPolicy.freeTextProblem("a\u200Bb")).contains("U+200B");
        assertThat(TextPolicy.freeTextProblem("x\uD800")).isEqualTo("不得包含不成对的代理字符（第2个字符）");
        assertThat(TextPolicy.freeTextProblem("\uDC00")).isEqualTo("不得包含不成对的代理字符（第1个字符）");
    }

    @Test
    void aNameIsOneLineWithoutMarkupOrALeadingFormulaCharacter() {
        assertThat(TextPolicy.nameProblem("中路铺镇人民政府")).isNull();
        assertThat(TextPolicy.nameProblem("Robert'); DROP TABLE unit;--")).isNull();
        assertThat(TextPolicy.nameProblem("2-1 一般公共服务")).isNull();
        assertThat(TextPolicy.nameProblem("行政\n运行")).isEqualTo("须为一行，不得包含换行符或制表符（第3个字符）");
        assertThat(TextPolicy.nameProblem("<b>x</b>")).isEqualTo("不得包含标记字符 < 或 >（第1个字符）");
        for (String formula : new String[]{"=1+1", "+cmd", "-2+3", "@SUM(A1)", " =HYPERLINK()"}) {
            assertThat(TextPolicy.nameProblem(formula)).as(formula).isEqualTo("不得以 =、+、- 或 @ 开头（电子表格会把它当作公式执行）");
        }
        assertThat(TextPolicy.nameProblem("a\u0007")).startsWith("不得包含控制字符");
    }
}

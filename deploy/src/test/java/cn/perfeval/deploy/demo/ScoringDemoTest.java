package cn.perfeval.deploy.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo's judgement reasons are the report's whole paragraphs, each stating its score once (in the working). */
class ScoringDemoTest {

    static final String TEXT = read();

    static String read() {
        try (InputStream in = ScoringDemoTest.class.getResourceAsStream("/demo/zhonglupu-2024-self-evaluation.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reasonsAreWholeParagraphsWithoutTheirScoreClause() {
        assertThat(ScoringDemo.paragraph(TEXT, "管理制度健全："))
                .startsWith("本单位认真贯彻执行《会计法》")
                .contains("且相关管理制度合法、合规、完整。")
                .endsWith("较好地控制了行政运行成本。");
        assertThat(ScoringDemo.paragraph(TEXT, "专账核算管理："))
                .startsWith("本年度支出严格分项目单独核算")
                .contains("有关专项资金管理办法的规定；资金拨付有完整的审批程序和手续；项目支出按规定经过评估论证；")
                .endsWith("虚列支出等情况。")
                .doesNotContain("得5分");
        assertThat(ScoringDemo.paragraph(TEXT, "预决算信息公开性和完善性："))
                .contains("二是按规定时限公开预决算信息").endsWith("真实、完整、准确。");
        assertThat(ScoringDemo.paragraph(TEXT, "本单位制定了资产管理制度"))
                .contains("进行了清查").endsWith("管理有待进一步加强。");
        assertThat(ScoringDemo.paragraph(TEXT, "年末无资金结余，分项目核算结余结转"))
                .isEqualTo("年末无资金结余，分项目核算结余结转。");
    }

    @Test
    void slip5TheMisnamedSubtotalUnder管理制度健全StaysAsWritten() {
        // the original's sentence, as the report's text checks must find it in the demo (issue #15, slip 5)
        assertThat(ScoringDemo.followingSubtotal(TEXT, "管理制度健全：")).isEqualTo("综上所述，预算执行考核指标总计5分，扣 1分，得4分。");
        // the other judged paragraphs are not followed by a sub-total of their own
        assertThat(ScoringDemo.followingSubtotal(TEXT, "专账核算管理：")).isEmpty();
        assertThat(ScoringDemo.followingSubtotal(TEXT, "预决算信息公开性和完善性：")).isEmpty();
    }

    @Test
    void theDutiesReasonIsTheLeadOfEachParagraphNotTheSummary() {
        assertThat(ScoringDemo.leads(TEXT, "5.产出分析：职责履行情况分析", "综上所述，产出效果考核指标"))
                .isEqualTo("经济发展稳步推进；民生保障持续改善；社会治理成效显著；干部素质不断提升。");
    }

    @Test
    void aMissingParagraphIsAnErrorNotAnInventedReason() {
        assertThatThrownBy(() -> ScoringDemo.paragraph(TEXT, "不存在的段落")).isInstanceOf(IllegalStateException.class);
    }
}

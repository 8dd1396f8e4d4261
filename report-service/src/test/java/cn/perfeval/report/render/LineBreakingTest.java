package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.support.Documents;
import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** In the PDF no line starts with a closing mark (，。、；…) and none ends with an opening one (（《“…). */
class LineBreakingTest {

    @Test
    void noLineOfThePdfStartsWithAClosingMark() throws Exception {
        Path font = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
        assumeTrue(Files.isRegularFile(font), "fonts-wqy-zenhei is not installed");
        BaseFont base = BaseFont.createFont(font + ",0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        // clauses of every length from 3 to 29 characters, so that closing marks fall at every column
        StringBuilder text = new StringBuilder();
        for (int n = 3; n < 30; n++) {
            text.append("一二三四五六七八九十".repeat(3), 0, n).append(n % 3 == 0 ? "。" : n % 3 == 1 ? "，" : "；");
            text.append(n % 4 == 0 ? "（括号）" : "");
        }
        ReportDocument d = new ReportDocument("标题", "114303210062309155", "测试镇人民政府", 2024,
                new ReportDocument.Provenance(1, null, null, null, null, null, null, "本报告依据预算数据第1版。"),
                List.of(text.toString()), List.of(new Section(1, "一、测试", List.of(new Paragraph(text.toString())))),
                null, "测试镇人民政府", "2025年5月26日", List.of());
        List<String> lines = Documents.pdfText(PdfRenderer.render(d, base)).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        assertThat(lines).hasSizeGreaterThan(20);
        assertThat(lines).allSatisfy(l -> {
            assertThat(LineBreaking.NO_LINE_START.indexOf(l.charAt(0))).as("line starts with a closing mark: " + l).isNegative();
            assertThat(LineBreaking.NO_LINE_END.indexOf(l.charAt(l.length() - 1))).as("line ends with an opening mark: " + l).isNegative();
        });
    }
}

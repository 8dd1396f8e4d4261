package cn.perfeval.report.render;

import cn.perfeval.report.domain.CountySummary;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;
import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same document gives the same bytes in every binary format: no time of writing, no random
 * font tag or file id. Each file carries the report's issue date instead.
 */
class SameBytesTest {

    static final ReportDocument DOC = new ReportDocument("湘潭县中路铺镇人民政府2024年度部门整体支出绩效评价自评报告",
            "114303210062309155", "湘潭县中路铺镇人民政府", 2024,
            new ReportDocument.Provenance(3, 2L, 3L, "xiangtan-county", 1, "湘潭县部门整体支出绩效评价指标体系", 1L,
                    "本报告依据预算数据第3版、评分第2版、文字第1版生成。"),
            List.of("根据湘潭县财政局的通知要求，本单位开展了部门整体支出绩效自评。"),
            List.of(new Section(1, "一、部门基本情况", List.of(new Paragraph("中路铺镇位于湘潭县中部。"),
                    new Table("支出总表", "万元", List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                            List.of(List.of("201", "一般公共服务支出", "274.96", "274.96", "0.00")), List.of(2, 3, 4))))),
            new ReportDocument.Conclusion(new BigDecimal("93"), new BigDecimal("100"), "优", true, "得分93分，评定等次：优。"),
            "湘潭县中路铺镇人民政府", "2025年5月26日", List.of());

    static final LocalDateTime ISSUED = LocalDateTime.of(2025, 5, 26, 0, 0);

    @Test
    void docxTwiceIsTheSameBytesAndCarriesTheIssueDate() throws IOException {
        byte[] first = DocxRenderer.render(DOC);
        byte[] second = DocxRenderer.render(DOC);
        assertThat(second).isEqualTo(first);
        assertDatedOoxml(first, ISSUED);
    }

    @Test
    void countySummaryDocxAndXlsxTwiceAreTheSameBytes() throws IOException {
        CountySummary s = new CountySummary("湘潭县", 2024, List.of("预算执行"), List.of(), "据评分第2版汇总。");
        assertThat(SummaryRenderer.docx(s)).isEqualTo(SummaryRenderer.docx(s));
        assertThat(SummaryRenderer.xlsx(s)).isEqualTo(SummaryRenderer.xlsx(s));
        assertDatedOoxml(SummaryRenderer.xlsx(s), LocalDateTime.of(2025, 1, 1, 0, 0));
    }

    @Test
    void pdfTwiceIsTheSameBytes() throws Exception {
        Path font = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
        assumeTrue(Files.isRegularFile(font), "fonts-wqy-zenhei is not installed");
        BaseFont base = BaseFont.createFont(font + ",0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        byte[] first = PdfRenderer.render(DOC, base);
        byte[] second = PdfRenderer.render(DOC, base);
        assertThat(second).isEqualTo(first);
        String text = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("/CreationDate(D:20250526000000").doesNotContain("/ID [<" + "0".repeat(32));
        // still a PDF the reader opens: the text is extracted from it
        assertThat(cn.perfeval.report.support.Documents.pdfText(first)).contains("中路铺镇位于湘潭县中部");
    }

    @Test
    void pdfWithAFaceForEachRoleTwiceIsTheSameBytes() throws Exception {
        List<String> files = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
                "/usr/share/fonts/truetype/arphic/ukai.ttc");
        assumeTrue(files.stream().allMatch(f -> Files.isRegularFile(Path.of(f))), "the three fonts are not all installed");
        PdfFaces.Face hei = face(files.get(0));
        PdfFaces.Face ming = face(files.get(1));
        PdfFaces faces = new PdfFaces(ming, hei, face(files.get(2)), ming, ming);
        byte[] first = PdfRenderer.render(DOC, faces);
        assertThat(PdfRenderer.render(DOC, faces)).isEqualTo(first);
        // a subset of each face used (明 for title and body, 黑 for the 一、 heading; the document has no （一） heading,
        // so no 楷), each with its own tag derived from the content
        assertThat(cn.perfeval.report.support.Documents.pdfFonts(first)).hasSize(2)
                .anyMatch(f -> f.endsWith("+UMingCN")).anyMatch(f -> f.endsWith("+WenQuanYiZenHei"));
    }

    private static PdfFaces.Face face(String file) throws Exception {
        BaseFont f = BaseFont.createFont(file + ",0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        return new PdfFaces.Face(f, PdfFaces.name(f));
    }

    static void assertDatedOoxml(byte[] zip, LocalDateTime when) throws IOException {
        long expected = when.toInstant(ZoneOffset.UTC).toEpochMilli();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            int entries = 0;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                assertThat(e.getTime()).as(e.getName()).isEqualTo(expected);
                if (e.getName().equals("docProps/core.xml")) {
                    String core = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(core).contains(when.toLocalDate() + "T00:00:00Z");
                }
            }
            assertThat(entries).isGreaterThan(3);
        }
    }
}

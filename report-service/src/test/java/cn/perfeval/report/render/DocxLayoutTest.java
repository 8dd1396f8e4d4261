package cn.perfeval.report.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** GB/T 9704 grid (22 lines of 28 characters), outline levels, table grids and the document language. */
class DocxLayoutTest {

    static XWPFDocument rendered() throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(DocxRenderer.render(SameBytesTest.DOC)));
    }

    @Test
    void twentyTwoLinesOfTwentyEightCharacters() throws IOException {
        try (XWPFDocument doc = rendered()) {
            CTDocGrid grid = doc.getDocument().getBody().getSectPr().getDocGrid();
            assertThat(grid.getType()).isEqualTo(STDocGrid.LINES);
            double linePitchPt = ((BigInteger) grid.getLinePitch()).doubleValue() / 20;
            assertThat((int) Math.floor(225 * 72 / 25.4 / linePitchPt + 1e-6)).isEqualTo(22);
            // every 3号 run of the body is condensed so that 28 characters fill the 156 mm line, not 27
            double textWidthPt = 156 * 72 / 25.4;
            XWPFParagraph body = doc.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("中路铺镇位于")).findFirst().orElseThrow();
            for (var run : body.getRuns()) {
                assertThat(run.getFontSizeAsDouble()).isEqualTo(16.0);
                double pitch = 16 + run.getCharacterSpacing() / 20.0;
                assertThat((int) Math.floor(textWidthPt / pitch)).isEqualTo(28);
            }
            // the default font size is 16 pt in the styles part too
            assertThat(doc.getStyles().getDefaultRunStyle().getFontSizeAsDouble()).isEqualTo(16.0);
        }
    }

    @Test
    void headingsCarryTheirOutlineLevel() throws IOException {
        try (XWPFDocument doc = rendered()) {
            XWPFParagraph heading = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("一、部门基本情况")).findFirst().orElseThrow();
            assertThat(heading.getCTP().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.ZERO);
            long withLevel = doc.getParagraphs().stream()
                    .filter(p -> p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetOutlineLvl()).count();
            assertThat(withLevel).isEqualTo(1);   // the one heading of the sample, not the body text
        }
    }

    @Test
    void everyTableHasAColumnGridOverTheTextBlock() throws IOException {
        try (XWPFDocument doc = rendered()) {
            assertThat(doc.getTables()).isNotEmpty();
            for (XWPFTable t : doc.getTables()) {
                CTTblGridCol[] cols = t.getCTTbl().getTblGrid().getGridColArray();
                assertThat(cols).hasSize(t.getRow(0).getTableCells().size());
                long sum = Arrays.stream(cols).mapToLong(c -> ((BigInteger) c.getW()).longValue()).sum();
                assertThat(sum).isBetween(Math.round(156 * 56.6929) - 10, Math.round(156 * 56.6929) + 10);
            }
        }
    }

    @Test
    void theDocumentLanguageIsChinese() throws IOException {
        try (XWPFDocument doc = rendered()) {
            var lang = doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr().getLangArray(0);
            assertThat(lang.getEastAsia()).isEqualTo("zh-CN");
            assertThat(lang.getVal()).isEqualTo("zh-CN");
        }
    }

    @Test
    void theIssuerIsCentredOverTheDateWhichStandsFourCharactersIn() throws IOException {
        try (XWPFDocument doc = rendered()) {
            XWPFParagraph issuer = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("湘潭县中路铺镇人民政府"))
                    .filter(p -> p.getAlignment() == org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT)   // not the title
                    .findFirst().orElseThrow();
            XWPFParagraph date = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("2025年5月26日")).findFirst().orElseThrow();
            double charTwips = 16 * 20 + DocxRenderer.CONDENSE_TWIPS;
            assertThat(date.getIndentationRight() / charTwips).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.01));
            // centres in characters from the right edge: indent + half the width (digits are half a character)
            double issuerCentre = issuer.getIndentationRight() / charTwips + 11 / 2.0;
            double dateCentre = date.getIndentationRight() / charTwips + 6.5 / 2.0;
            assertThat(issuerCentre).isCloseTo(dateCentre, org.assertj.core.data.Offset.offset(0.01));
        }
    }
}

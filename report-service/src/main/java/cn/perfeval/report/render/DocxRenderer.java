package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * DOCX laid out per GB/T 9704-2012: A4, top margin 37 mm, left 28 mm, text block 156 × 225 mm
 * (22 lines), title 2号 (22 pt) 方正小标宋简体, body 3号 (16 pt) 仿宋_GB2312, 一、 headings 黑体,
 * （一） headings 楷体_GB2312, page numbers "— n —" in 4号 (14 pt) 宋体 on the outside edge (odd
 * and even footers). A new {@link XWPFDocument} has no styles part, so every run carries its
 * fonts (also for the East Asian range). Text is written as plain runs: nothing in it is
 * interpreted as a field or markup.
 */
public final class DocxRenderer {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String HEADING1_FONT = "黑体";
    public static final String HEADING2_FONT = "楷体_GB2312";
    public static final String PAGE_NUMBER_FONT = "宋体";

    /** 1 mm in twentieths of a point. */
    private static final double MM = 56.6929;
    /** 225 mm / 22 lines = 28.95 pt per line. */
    private static final double LINE_PT = 28.95;

    private DocxRenderer() {
    }

    public static byte[] render(ReportDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            layout(doc);
            title(doc, d.unitName(), d.year() + "年度部门整体支出绩效评价自评报告");
            d.opening().forEach(p -> body(doc, p));
            sections(doc, d.sections());
            signature(doc, d.issuer(), Signature.issuerIndent(d.issuer(), d.issuedOn()), true);
            if (d.issuedOn() != null) {
                signature(doc, d.issuedOn(), Signature.dateIndent(), false);
            }
            XWPFParagraph pageBreak = doc.createParagraph();
            pageBreak.setPageBreak(true);
            sections(doc, d.appendix());
            XWPFParagraph prov = doc.createParagraph();
            spacing(prov, 0);
            run(prov, d.provenance().text(), BODY_FONT, 12);
            doc.write(out);
            return SameBytes.ooxml(out.toByteArray(), SameBytes.dateOf(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page size, margins, and odd/even footers with the page number on the outside edge. */
    static void layout(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        XWPFFooter odd = doc.createFooter(HeaderFooterType.DEFAULT);
        pageNumber(odd.createParagraph(), ParagraphAlignment.RIGHT);
        XWPFFooter even = doc.createFooter(HeaderFooterType.EVEN);
        pageNumber(even.createParagraph(), ParagraphAlignment.LEFT);

        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(twips(210 * MM));
        size.setH(twips(297 * MM));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(twips(37 * MM));
        mar.setBottom(twips(35 * MM));     // 297 − 37 − 225
        mar.setLeft(twips(28 * MM));
        mar.setRight(twips(26 * MM));      // 210 − 28 − 156
        mar.setHeader(twips(15 * MM));
        mar.setFooter(twips(23 * MM));     // the page number's line sits 7 mm below the text block
        mar.setGutter(BigInteger.ZERO);
        // 22 lines: the grid sets the line pitch. 28 characters a line: 16 pt characters over 156 mm make 27.6,
        // so body runs are condensed by CONDENSE_TWIPS (see run()); a character grid would do the same in Word
        // but LibreOffice gives a 16 pt character two cells of a 15.79 pt grid (14 a line)
        var grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid.LINES);
        grid.setLinePitch(twips(LINE_PT * 20));
        defaults(doc);
    }

    /** Characters per line of the text block (GB/T 9704-2012, 7.1). */
    static final int CHARS_PER_LINE = 28;
    /** The body's font size in points, the document default: 3号. */
    static final double BODY_PT = 16;
    /**
     * Character spacing of 3号 runs in twentieths of a point (negative: condensed): 156 mm / 28 = 15.79 pt a
     * character, so 16 pt characters are set 0.25 pt closer, and exactly 28 fit (15.75 × 28 = 441 pt of 442.2).
     */
    static final int CONDENSE_TWIPS = -5;

    /**
     * The styles part: document defaults of 16 pt 仿宋 in Chinese (zh-CN), which the grid's character
     * pitch is measured from and which spell checkers and screen readers take the language from.
     */
    private static void defaults(XWPFDocument doc) {
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles styles =
                org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.newInstance();
        CTRPr rpr = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(BODY_FONT);
        fonts.setHAnsi(BODY_FONT);
        fonts.setEastAsia(BODY_FONT);
        fonts.setCs(BODY_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        var lang = rpr.addNewLang();
        lang.setVal("zh-CN");
        lang.setEastAsia("zh-CN");
        // the default paragraph style says the same: LibreOffice measures the grid from it, not from the defaults
        var normal = styles.addNewStyle();
        normal.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType.PARAGRAPH);
        normal.setDefault(true);
        normal.setStyleId("Normal");
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        CTRPr normalRun = normal.addNewRPr();
        normalRun.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        normalRun.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        doc.createStyles().setStyles(styles);
    }

    private static BigInteger twips(double v) {
        return BigInteger.valueOf(Math.round(v));
    }

    /** "— n —" in 4号宋体, n a PAGE field. */
    private static void pageNumber(XWPFParagraph p, ParagraphAlignment align) {
        p.setAlignment(align);
        if (align == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(280);    // one character in from the edge, as GB/T 9704 asks
        } else {
            p.setIndentationLeft(280);
        }
        run(p, "— ", PAGE_NUMBER_FONT, 14);
        fieldChar(p, STFldCharType.BEGIN);
        XWPFRun instr = run(p, null, PAGE_NUMBER_FONT, 14);
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        fieldChar(p, STFldCharType.SEPARATE);
        run(p, "1", PAGE_NUMBER_FONT, 14);
        fieldChar(p, STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, 14);
    }

    private static void fieldChar(XWPFParagraph p, STFldCharType.Enum type) {
        XWPFRun r = run(p, null, PAGE_NUMBER_FONT, 14);
        r.getCTR().addNewFldChar().setFldCharType(type);
    }

    static void title(XWPFDocument doc, String... lines) {
        for (String line : lines) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            p.setSpacingBetween(LINE_PT * 1.2, LineSpacingRule.EXACT);
            run(p, line, TITLE_FONT, 22);
        }
        doc.createParagraph();   // a blank line under the title
    }

    private static void sections(XWPFDocument doc, List<Section> sections) {
        for (Section s : sections) {
            XWPFParagraph h = doc.createParagraph();
            spacing(h, 640);
            h.setKeepNext(true);   // after spacing: POI's setKeepNext needs the paragraph properties to exist
            String font = switch (s.level()) {
                case 1 -> HEADING1_FONT;
                case 2 -> HEADING2_FONT;
                default -> BODY_FONT;
            };
            run(h, s.heading(), font, 16);
            // the heading's level for Word's navigation pane and screen readers (0 = 一、)
            h.getCTP().getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(Math.max(0, s.level() - 1)));
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    body(doc, p.text());
                } else if (b instanceof Table t) {
                    table(doc, t);
                }
            }
        }
    }

    static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        spacing(p, 640);
        p.setAlignment(ParagraphAlignment.BOTH);
        run(p, text, BODY_FONT, 16);
    }

    /** A signature line, {@code indentChars} body characters in from the right edge. */
    private static void signature(XWPFDocument doc, String text, double indentChars, boolean first) {
        XWPFParagraph p = doc.createParagraph();
        spacing(p, 0);
        p.setAlignment(ParagraphAlignment.RIGHT);
        p.setIndentationRight((int) Math.round(indentChars * (BODY_PT * 20 + CONDENSE_TWIPS)));
        if (first) {
            p.setSpacingBefore((int) Math.round(LINE_PT * 20));
        }
        run(p, text, BODY_FONT, 16);
    }

    private static void spacing(XWPFParagraph p, int firstLineTwips) {
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        if (firstLineTwips > 0) {
            p.setIndentationFirstLine(firstLineTwips);
        }
    }

    static void table(XWPFDocument doc, Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setKeepNext(true);
        spacing(caption, 0);
        run(caption, t.caption(), HEADING1_FONT, 14);
        if (t.amountUnit() != null && !t.amountUnit().isEmpty()) {
            XWPFParagraph unit = doc.createParagraph();
            unit.setAlignment(ParagraphAlignment.RIGHT);
            unit.setKeepNext(true);
            spacing(unit, 0);
            run(unit, "单位：" + t.amountUnit(), BODY_FONT, 10.5);
        }
        int cols = t.header().size();
        XWPFTable table = doc.createTable(t.rows().size() + 1, cols);
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(0, 40, 0, 40);   // 0.7 mm left and right, so that amounts fit on one line
        int[] widths = widths(t);
        // the column grid that Word and other readers (python-docx refuses a table without one) lay out from
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        fill(table.getRow(0), t.header(), List.of(), true, widths);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), t.numericColumns(), false, widths);
        }
        doc.createParagraph();
    }

    /** Column widths in twips over the 156 mm text block, in proportion to their contents. */
    private static int[] widths(Table t) {
        float[] rel = TableWidths.relative(t);
        float sum = 0;
        for (float r : rel) {
            sum += r;
        }
        int[] w = new int[rel.length];
        for (int i = 0; i < rel.length; i++) {
            w[i] = Math.round((float) (156 * MM) * rel[i] / sum);
        }
        return w;
    }

    private static void fill(XWPFTableRow row, List<String> cells, List<Integer> numeric, boolean header, int[] widths) {
        row.setCantSplitRow(true);
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(Integer.toString(widths[c]));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            // tables do not follow the 22-line grid of the body text
            p.setSpacingBetween(13, LineSpacingRule.EXACT);
            p.setSpacingAfter(0);
            p.setSpacingBefore(0);
            (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewSnapToGrid().setVal(false);
            p.setAlignment(header ? ParagraphAlignment.CENTER
                    : numeric.contains(c) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            run(p, cells.get(c), header ? HEADING1_FONT : BODY_FONT, cells.size() > 6 ? 8 : 10.5);
        }
    }

    /** A run with its fonts set for every range (East Asian included) and its size. */
    static XWPFRun run(XWPFParagraph p, String text, String font, double points) {
        XWPFRun r = p.createRun();
        CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        CTFonts fonts = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        r.setFontSize(points);
        if (points == BODY_PT) {
            r.setCharacterSpacing(CONDENSE_TWIPS);
        }
        if (text != null) {
            r.setText(text);
        }
        return r;
    }
}

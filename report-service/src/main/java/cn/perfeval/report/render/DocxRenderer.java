package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.HeaderCell;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

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
            title(doc, Titles.lines(d).toArray(new String[0]));
            d.opening().forEach(p -> body(doc, p));
            sections(doc, d.sections());
            attachmentNote(doc, d.attachmentNote());
            signature(doc, d.issuer(), Signature.issuerIndent(d.issuer(), d.issuedOn()), true);
            if (d.issuedOn() != null) {
                signature(doc, d.issuedOn(), Signature.dateIndent(), false);
            }
            attachments(doc, d.appendix());
            XWPFParagraph prov = doc.createParagraph();
            spacing(prov, 0);
            run(prov, d.provenance().text(), BODY_FONT, 12);
            fontProperties(doc);
            doc.write(out);
            return SameBytes.ooxml(out.toByteArray(), SameBytes.dateOf(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fonts named for each role, in the document's custom properties (字体), as the PDF states the faces it embedded. */
    static final String FONTS_PROPERTY = "字体";

    static String fontsUsed() {
        return "标题：" + TITLE_FONT + "；一级标题：" + HEADING1_FONT + "；二级标题：" + HEADING2_FONT + "；正文：" + BODY_FONT
                + "；页码：" + PAGE_NUMBER_FONT;
    }

    private static void fontProperties(XWPFDocument doc) {
        doc.getProperties().getCustomProperties().addProperty(FONTS_PROPERTY, fontsUsed());
    }

    /**
     * The attachment note (附件说明, GB/T 9704-2012 7.3.4): one blank line under the body, two characters in,
     * "附件：" and the titles; a second title stands under the first title's first character.
     */
    static void attachmentNote(XWPFDocument doc, String note) {
        if (note == null || note.isBlank()) {
            return;
        }
        XWPFParagraph blank = doc.createParagraph();
        spacing(blank, 0);
        String[] lines = note.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = doc.createParagraph();
            spacing(p, 0);
            p.setKeepNext(true);
            // two characters in; a following line under the first title (after "附件：")
            p.setIndentationLeft((int) Math.round((i == 0 ? 2 : 5) * (BODY_PT * 20 + CONDENSE_TWIPS)));
            run(p, lines[i], BODY_FONT, 16);
        }
    }

    /**
     * Each level-1 section of the appendix is an attachment laid out per GB/T 9704-2012 8: on a new page, "附件"
     * (numbered when there are several) in 3号黑体 at the top left, the title centred on the third line in
     * 2号小标宋, then its content as the body is set.
     */
    static void attachments(XWPFDocument doc, List<Section> appendix) {
        long count = appendix.stream().filter(s -> s.level() == 1).count();
        int number = 0;
        List<Section> current = new java.util.ArrayList<>();
        for (Section s : appendix) {
            if (s.level() == 1) {
                sections(doc, current);
                current.clear();
                number++;
                XWPFParagraph label = doc.createParagraph();
                label.setPageBreak(true);
                spacing(label, 0);
                label.setKeepNext(true);
                run(label, count > 1 ? "附件" + number : "附件", HEADING1_FONT, 16);
                XWPFParagraph blank = doc.createParagraph();
                spacing(blank, 0);
                blank.setKeepNext(true);
                XWPFParagraph title = doc.createParagraph();
                title.setAlignment(ParagraphAlignment.CENTER);
                title.setSpacingBetween(LINE_PT * 1.2, LineSpacingRule.EXACT);
                title.setKeepNext(true);
                run(title, cn.perfeval.report.service.ReportAssembler.attachmentTitle(s.heading()), TITLE_FONT, 22);
                XWPFParagraph after = doc.createParagraph();
                spacing(after, 0);
                after.setKeepNext(true);
                current.add(new Section(s.level(), null, s.blocks()));
            } else {
                current.add(s);
            }
        }
        sections(doc, current);
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
        // no page holds a paragraph's single first or last line (widow and orphan control), in every paragraph
        styles.getDocDefaults().addNewPPrDefault().addNewPPr().addNewWidowControl();
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
            if (s.heading() != null) {
                heading(doc, s);
            }
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    body(doc, p.text());
                } else if (b instanceof Table t) {
                    table(doc, t);
                }
            }
        }
    }

    /** A heading: kept with what follows it (never alone at a page's foot), with its outline level. */
    private static void heading(XWPFDocument doc, Section s) {
        XWPFParagraph h = doc.createParagraph();
        spacing(h, 640);
        h.setKeepNext(true);   // after spacing: POI's setKeepNext needs the paragraph properties to exist
        h.getCTP().getPPr().addNewKeepLines();
        String font = switch (s.level()) {
            case 1 -> HEADING1_FONT;
            case 2 -> HEADING2_FONT;
            default -> BODY_FONT;
        };
        run(h, s.heading(), font, 16);
        // the heading's level for Word's navigation pane and screen readers (0 = 一、)
        h.getCTP().getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(Math.max(0, s.level() - 1)));
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

    /** Cell text size: 五号 (10.5 pt), 小五 (9 pt) for tables of more than six columns (the 收入总表). */
    static double cellPoints(Table t) {
        return t.header().size() > 6 ? 9 : 10.5;
    }

    /** Cell padding left and right, in points (0.7 mm). */
    private static final double CELL_PADDING_PT = 2;
    /** Rows of a longer table kept with the caption on its first page (header rows plus these)… */
    private static final int ROWS_KEPT_WITH_CAPTION = 3;
    /** …or fewer, when these take more than this height in points. */
    private static final double HEIGHT_KEPT_WITH_CAPTION = 120;
    /** Line height in table cells, points. */
    private static final double CELL_LINE_PT = 13;
    /** A table estimated at most this high (points) is kept on one page with its caption: two thirds of the text block. */
    private static final double WHOLE_TABLE_PT = 225 * 72 / 25.4 * 2 / 3;

    static void table(XWPFDocument doc, Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setKeepNext(true);
        spacing(caption, 0);
        caption.getCTP().getPPr().addNewKeepLines();
        run(caption, t.caption(), HEADING1_FONT, 14);
        if (t.amountUnit() != null && !t.amountUnit().isEmpty()) {
            XWPFParagraph unit = doc.createParagraph();
            unit.setAlignment(ParagraphAlignment.RIGHT);
            unit.setKeepNext(true);
            spacing(unit, 0);
            run(unit, "单位：" + t.amountUnit(), BODY_FONT, 10.5);
        }
        int cols = t.header().size();
        List<List<HeaderCell>> header = t.printedHeader();
        XWPFTable table = doc.createTable(t.rows().size() + header.size(), cols);
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        int pad = (int) Math.round(CELL_PADDING_PT * 20);
        table.setCellMargins(0, pad, 0, pad);
        double size = cellPoints(t);
        int[] widths = widths(t, size);
        // fixed layout: Word keeps the widths computed here, which leave every code and amount on one line
        var tblPr = table.getCTTbl().getTblPr();
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout())
                .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        // the column grid that Word and other readers (python-docx refuses a table without one) lay out from
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        headerRows(table, header, widths, size);
        int keep = rowsKeptWithCaption(t, widths, size);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + header.size()), t.rows().get(i), t.numericColumns(), widths, size, i < keep, t.indent(i));
        }
        doc.createParagraph();
    }

    /**
     * The header rows as the original prints them, cells spanning columns (gridSpan) and rows (vMerge), repeated
     * on every page the table runs to and kept with the first rows.
     */
    private static void headerRows(XWPFTable table, List<List<HeaderCell>> header, int[] widths, double size) {
        int cols = widths.length;
        // which header cell covers each position, and whether it starts there
        HeaderCell[][] owner = new HeaderCell[header.size()][cols];
        boolean[][] start = new boolean[header.size()][cols];
        for (int r = 0; r < header.size(); r++) {
            int c = 0;
            for (HeaderCell h : header.get(r)) {
                while (c < cols && owner[r][c] != null) {
                    c++;
                }
                for (int dr = 0; dr < h.rowSpan() && r + dr < header.size(); dr++) {
                    for (int dc = 0; dc < h.colSpan() && c + dc < cols; dc++) {
                        owner[r + dr][c + dc] = h;
                    }
                }
                if (c < cols) {
                    start[r][c] = true;
                }
                c += h.colSpan();
            }
        }
        for (int r = 0; r < header.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            row.setRepeatHeader(true);
            row.setCantSplitRow(true);
            int cell = 0;
            for (int c = 0; c < cols; ) {
                HeaderCell h = owner[r][c];
                int span = h == null ? 1 : Math.min(h.colSpan(), cols - c);
                // the first position of h in this row: the cell starts here (r is its first row) or continues a merge
                boolean first = start[r][c];
                XWPFTableCell x = row.getCell(cell++);
                int width = 0;
                for (int k = c; k < c + span; k++) {
                    width += widths[k];
                }
                x.setWidth(Integer.toString(width));
                x.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                var tcPr = x.getCTTc().isSetTcPr() ? x.getCTTc().getTcPr() : x.getCTTc().addNewTcPr();
                if (span > 1) {
                    tcPr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                if (h != null && h.rowSpan() > 1) {
                    tcPr.addNewVMerge().setVal(first ? STMerge.RESTART : STMerge.CONTINUE);
                }
                XWPFParagraph p = cellParagraph(x, ParagraphAlignment.CENTER, true);
                if (first && h != null) {
                    run(p, h.text(), HEADING1_FONT, size);
                }
                c += span;
            }
            while (row.getTableCells().size() > cell) {
                row.removeCell(row.getTableCells().size() - 1);
            }
        }
    }

    /**
     * How many rows keep with the next one: all of a table that fits in two thirds of a page (it moves whole with
     * its caption), else the first rows up to {@link #ROWS_KEPT_WITH_CAPTION} or {@link #HEIGHT_KEPT_WITH_CAPTION}.
     */
    private static int rowsKeptWithCaption(Table t, int[] widths, double size) {
        float[] pt = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            pt[i] = widths[i] / 20f;
        }
        double whole = 0;
        double[] heights = new double[t.rows().size()];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = TableWidths.lines(t.rows().get(i), pt, (float) size, (float) CELL_PADDING_PT) * CELL_LINE_PT + 2;
            whole += heights[i];
        }
        if (whole <= WHOLE_TABLE_PT) {
            return t.rows().size() - 1;
        }
        int keep = 0;
        double kept = 0;
        while (keep < Math.min(ROWS_KEPT_WITH_CAPTION, heights.length) && kept + heights[keep] <= HEIGHT_KEPT_WITH_CAPTION) {
            kept += heights[keep++];
        }
        return keep;
    }

    /** Column widths in twips over the 156 mm text block: codes and amounts on one line, names wrapping. */
    private static int[] widths(Table t, double size) {
        float[] pt = TableWidths.points(t, (float) (156 * MM / 20), (float) size, (float) CELL_PADDING_PT);
        int[] w = new int[pt.length];
        for (int i = 0; i < pt.length; i++) {
            w[i] = Math.round(pt[i] * 20);
        }
        return w;
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment align, boolean keepNext) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        // tables do not follow the 22-line grid of the body text
        p.setSpacingBetween(13, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewSnapToGrid().setVal(false);
        p.setAlignment(align);
        if (keepNext) {
            p.setKeepNext(true);
        }
        return p;
    }

    private static void fill(XWPFTableRow row, List<String> cells, List<Integer> numeric, int[] widths, double size, boolean keepNext,
                             int indent) {
        row.setCantSplitRow(true);
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidth(Integer.toString(widths[c]));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            if (TableWidths.unbreakable(cells.get(c))) {
                // a code or an amount never wraps
                var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                tcPr.addNewNoWrap();
            }
            XWPFParagraph p = cellParagraph(cell, numeric.contains(c) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT, keepNext);
            if (c == Table.INDENTED_COLUMN && indent > 0) {
                // a 项 stands two characters in under its 款, every line of it
                p.setIndentationLeft((int) Math.round(indent * size * 20));
            }
            run(p, cells.get(c), BODY_FONT, size);
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

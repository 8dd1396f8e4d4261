package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.HeaderCell;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * PDF with an embedded CJK font, on the GB/T 9704 page: A4, top margin 37 mm, left 28 mm, text
 * block 156 × 225 mm, 22 lines; title 22 pt, body and headings 16 pt; page numbers "— n —" in
 * 14 pt on the outside edge. Each role has its own embedded face where the machine has one that
 * comes near the standard's font ({@link PdfFaces}); the document properties name them. Headings
 * and captions keep with what follows them. Text is drawn as text: nothing in it is interpreted.
 */
public final class PdfRenderer {

    private static final float MM = 72f / 25.4f;
    private static final float LINE = 225 * MM / 22;

    private PdfRenderer() {
    }

    /** One face for every role. */
    public static byte[] render(ReportDocument d, BaseFont base) {
        return render(d, PdfFaces.single(base));
    }

    /** The custom entry of the document information naming the faces used for each role. */
    static final String FONTS_PROPERTY = "字体";

    public static byte[] render(ReportDocument d, PdfFaces faces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 28 * MM, 26 * MM, 37 * MM, 35 * MM);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(new Font(faces.pageNumber().font(), 14)));
            doc.addTitle(d.title());
            doc.addSubject(Titles.subject(d));
            // which installed face stands for which of the standard's fonts: a reader of the properties knows
            // a PDF name is bytes: the Chinese key is written in UTF-8 (PdfName escapes each byte as #xx)
            doc.addHeader(new String(FONTS_PROPERTY.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.ISO_8859_1), faces.describe());
            doc.addKeywords("字体：" + faces.describe());
            doc.open();
            Pdf pdf = new Pdf(doc, writer, faces);
            Font title = new Font(faces.title().font(), 22);
            for (String line : Titles.lines(d)) {
                com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(LINE * 1.2f, printable(line, faces.title().font()), title);
                p.setAlignment(Element.ALIGN_CENTER);
                doc.add(p);
            }
            doc.add(new com.lowagie.text.Paragraph(LINE, " ", pdf.body));
            for (String p : d.opening()) {
                pdf.paragraph(p);
            }
            pdf.sections(d.sections());
            if (d.attachmentNote() != null) {
                // 附件说明 (GB/T 9704-2012 7.3.4): one blank line under the body, two characters in
                String[] lines = d.attachmentNote().split("\n");
                pdf.keepLines(lines.length + 3);
                doc.add(new com.lowagie.text.Paragraph(LINE, " ", pdf.body));
                for (int i = 0; i < lines.length; i++) {
                    com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(LINE, printable(lines[i], faces.body().font()), pdf.body);
                    p.setIndentationLeft((i == 0 ? 2 : 5) * 16);
                    doc.add(p);
                }
            }
            pdf.keepLines(d.issuedOn() != null ? 3 : 2);
            com.lowagie.text.Paragraph issuer = new com.lowagie.text.Paragraph(LINE, printable(d.issuer(), faces.body().font()), pdf.body);
            issuer.setAlignment(Element.ALIGN_RIGHT);
            issuer.setIndentationRight((float) (Signature.issuerIndent(d.issuer(), d.issuedOn()) * 16));
            issuer.setSpacingBefore(LINE);
            doc.add(issuer);
            if (d.issuedOn() != null) {
                com.lowagie.text.Paragraph date = new com.lowagie.text.Paragraph(LINE, printable(d.issuedOn(), faces.body().font()), pdf.body);
                date.setAlignment(Element.ALIGN_RIGHT);
                date.setIndentationRight((float) (Signature.dateIndent() * 16));
                doc.add(date);
            }
            pdf.attachments(d.appendix());
            doc.add(new com.lowagie.text.Paragraph(18, printable(d.provenance().text(), faces.body().font()),
                    new Font(faces.body().font(), 10)));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        }
        return SameBytes.pdf(out.toByteArray(), SameBytes.dateOf(d));
    }

    /**
     * Characters the embedded face lacks would silently vanish: those with a close equivalent are
     * replaced by it (U+2212 minus sign → hyphen-minus, …); any other is left to the font.
     */
    static String printable(String text, BaseFont font) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (font.charExists(c)) {
                out.appendCodePoint(c);
            } else {
                switch (c) {
                    case 0x2212, 0x2010, 0x2011, 0x2012, 0x2013 -> out.append('-');
                    case 0x2264 -> out.append("<=");
                    case 0x2265 -> out.append(">=");
                    case 0x00A0, 0x2002, 0x2003, 0x2009 -> out.append(' ');
                    default -> out.appendCodePoint(c);
                }
            }
        });
        return out.toString();
    }

    private static com.lowagie.text.Paragraph bodyParagraph(String text, Font font) {
        com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(LINE, LineBreaking.chunk(text, font));
        p.setFirstLineIndent(2 * font.getSize());
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    /** Cell padding left and right, in points. */
    private static final float CELL_PADDING = 2;
    /** Rows of a table that must fit under its caption on the page, else the caption moves to the next page. */
    private static final int ROWS_WITH_CAPTION = 3;
    /** …or fewer, when these are higher than this (points). */
    private static final float HEIGHT_WITH_CAPTION = 120;

    /**
     * The document being written, with the checks a word processor makes before placing a block: a heading
     * or a caption moves to the next page when what must follow it would not fit under it, and so does a
     * paragraph whose first line would be the only one on the page (orphan).
     */
    private static final class Pdf {
        final Document doc;
        final PdfWriter writer;
        final PdfFaces faces;
        final Font body;
        final Font heading1;
        final Font heading2;

        Pdf(Document doc, PdfWriter writer, PdfFaces faces) {
            this.doc = doc;
            this.writer = writer;
            this.faces = faces;
            this.body = new Font(faces.body().font(), 16);
            this.heading1 = new Font(faces.heading1().font(), 16);
            this.heading2 = new Font(faces.heading2().font(), 16);
        }

        /** Room left on the page, in points. */
        float room() {
            return writer.getVerticalPosition(false) - doc.bottom();
        }

        /** A new page unless {@code lines} body lines fit on this one. */
        void keepLines(int lines) {
            keep(lines * LINE);
        }

        void keep(float height) {
            if (room() < height && writer.getVerticalPosition(false) < doc.top() - 1) {
                doc.newPage();
            }
        }

        /** Lines a body paragraph takes: its width (with the two-character indent) over the text block's. */
        int lines(String text, Font font) {
            float width = font.getBaseFont().getWidthPoint(text, font.getSize()) + 2 * font.getSize();
            return Math.max(1, (int) Math.ceil(width / (doc.right() - doc.left())));
        }

        void paragraph(String text) throws DocumentException {
            String t = printable(text, body.getBaseFont());
            int lines = lines(t, body);
            // no first line alone at a page's foot: with room for one line only, the paragraph starts on the next
            if (lines > 1 && room() < 2 * LINE) {
                doc.newPage();
            }
            doc.add(bodyParagraph(t, body));
        }

        Font headingFont(Section s) {
            return switch (s.level()) {
                case 1 -> heading1;
                case 2 -> heading2;
                default -> body;
            };
        }

        /**
         * The height a heading needs below the current position: its own lines and what must stay with it — two
         * lines of the paragraph that follows, the caption and first rows (or the whole) of a table, or, when the
         * section has no content of its own, the next heading and what that one needs.
         */
        float need(List<Section> sections, int i) {
            Section s = sections.get(i);
            float own = s.heading() == null ? 0
                    : lines(printable(s.heading(), headingFont(s).getBaseFont()), headingFont(s)) * LINE;
            if (!s.blocks().isEmpty()) {
                Block first = s.blocks().get(0);
                if (first instanceof Table t) {
                    return own + prepared(t).need();
                }
                String text = printable(((Paragraph) first).text(), body.getBaseFont());
                return own + Math.min(2, lines(text, body)) * LINE;
            }
            return own + (i + 1 < sections.size() ? need(sections, i + 1) : 0);
        }

        void sections(List<Section> sections) throws DocumentException {
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                if (s.heading() != null) {
                    // no heading alone at a page's foot: it moves to the next page with what must follow it
                    keep(need(sections, i));
                    Font font = headingFont(s);
                    doc.add(bodyParagraph(printable(s.heading(), font.getBaseFont()), font));
                }
                for (Block b : s.blocks()) {
                    if (b instanceof Paragraph p) {
                        paragraph(p.text());
                    } else if (b instanceof Table t) {
                        table(t);
                    }
                }
            }
        }

        /**
         * Each level-1 section of the appendix as an attachment (GB/T 9704-2012 8): a new page, "附件" (numbered
         * when several) in 黑体 at the top left, the title centred on the third line in the title's face.
         */
        void attachments(List<Section> appendix) throws DocumentException {
            long count = appendix.stream().filter(s -> s.level() == 1).count();
            int number = 0;
            List<Section> current = new java.util.ArrayList<>();
            for (Section s : appendix) {
                if (s.level() != 1) {
                    current.add(s);
                    continue;
                }
                sections(current);
                current.clear();
                number++;
                doc.newPage();
                doc.add(new com.lowagie.text.Paragraph(LINE, count > 1 ? "附件" + number : "附件", heading1));
                doc.add(new com.lowagie.text.Paragraph(LINE, " ", body));
                com.lowagie.text.Paragraph title = new com.lowagie.text.Paragraph(LINE * 1.2f,
                        printable(cn.perfeval.report.service.ReportAssembler.attachmentTitle(s.heading()), faces.title().font()),
                        new Font(faces.title().font(), 22));
                title.setAlignment(Element.ALIGN_CENTER);
                doc.add(title);
                doc.add(new com.lowagie.text.Paragraph(LINE, " ", body));
                current.add(new Section(s.level(), null, s.blocks()));
            }
            sections(current);
        }

        /** A table laid out once: the PdfPTable and the height that must fit under the current position. */
        record Prepared(PdfPTable table, float need) {
        }

        private final java.util.Map<Table, Prepared> prepared = new java.util.IdentityHashMap<>();

        Prepared prepared(Table t) {
            Prepared p = prepared.get(t);
            if (p == null) {
                p = prepare(t);
                prepared.put(t, p);
            }
            return p;
        }

        private Prepared prepare(Table t) {
            PdfPTable table = build(t, t.rows().size());
            // heights as printed (a cell spanning rows, the header's tall column titles, included), measured by
            // setting the table in a column without drawing it
            float whole = measure(table);
            float head = measure(build(t, Math.min(t.rows().size(), ROWS_WITH_CAPTION)));
            if (t.rows().size() > 1 && head - measure(build(t, 1)) > HEIGHT_WITH_CAPTION) {
                // first rows too high to keep three with the caption: the header and the first row
                head = measure(build(t, 1));
            }
            // the caption stays with its table: the caption, the unit line, the header and the first rows together,
            // else all of them on the next page; a table of up to two thirds of a page moves whole
            float caption = LINE + (t.amountUnit() != null && !t.amountUnit().isEmpty() ? 14 : 0);
            return new Prepared(table, caption + (caption + whole <= (doc.top() - doc.bottom()) * 2 / 3 ? whole : head));
        }

        /** The height {@code table} takes when set, in points. */
        private float measure(PdfPTable table) {
            ColumnText ct = new ColumnText(writer.getDirectContent());
            float top = 100000;
            ct.setSimpleColumn(doc.left(), 0, doc.right(), top);
            ct.addElement(table);
            try {
                ct.go(true);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
            return top - ct.getYLine();
        }

        /** The table with its header rows and its first {@code rows} rows. */
        private PdfPTable build(Table t, int rows) {
            return build(t, 0, rows);
        }

        /** The table with its header rows and its rows {@code from} (inclusive) to {@code to} (exclusive). */
        private PdfPTable build(Table t, int from, int to) {
            BaseFont base = faces.body().font();
            float size = t.header().size() > 6 ? 9 : 10.5f;
            Font cellFont = new Font(base, size);
            Font headerFont = new Font(faces.heading1().font(), size);
            List<List<HeaderCell>> header = t.printedHeader();
            PdfPTable table = new PdfPTable(t.header().size());
            // the digits' width in the face the table is printed in
            float latin = base.getWidthPoint("0123456789", 1) / 10;
            try {
                table.setTotalWidth(TableWidths.points(t, doc.right() - doc.left(), size, CELL_PADDING, latin));
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
            table.setLockedWidth(true);
            table.setHeaderRows(header.size());
            table.setSpacingAfter(LINE / 2);
            for (List<HeaderCell> row : header) {
                for (HeaderCell h : row) {
                    PdfPCell c = cell(printable(h.text(), headerFont.getBaseFont()), headerFont, Element.ALIGN_CENTER);
                    c.setColspan(h.colSpan());
                    c.setRowspan(h.rowSpan());
                    table.addCell(c);
                }
            }
            for (int r = from; r < to; r++) {
                List<String> row = t.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    PdfPCell cell = cell(printable(row.get(c), base), cellFont,
                            t.numericColumns().contains(c) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                    if (c == Table.INDENTED_COLUMN && t.indent(r) > 0) {
                        // a 项 stands two characters in under its 款, every line of it
                        cell.setIndent(t.indent(r) * size);
                        cell.setFollowingIndent(t.indent(r) * size);
                    }
                    // a code or an amount never wraps
                    cell.setNoWrap(TableWidths.unbreakable(row.get(c)));
                    table.addCell(cell);
                }
            }
            return table;
        }

        void table(Table t) throws DocumentException {
            Prepared p = prepared(t);
            keep(p.need());
            Font captionFont = new Font(faces.heading1().font(), 14);
            com.lowagie.text.Paragraph cap = new com.lowagie.text.Paragraph(LINE, printable(t.caption(), captionFont.getBaseFont()), captionFont);
            cap.setAlignment(Element.ALIGN_CENTER);
            doc.add(cap);
            if (t.amountUnit() != null && !t.amountUnit().isEmpty()) {
                com.lowagie.text.Paragraph unit = new com.lowagie.text.Paragraph(14, "单位：" + t.amountUnit(), new Font(faces.body().font(), 9));
                unit.setAlignment(Element.ALIGN_RIGHT);
                doc.add(unit);
            }
            int split = lastRowAlone(t);
            if (split < 0) {
                doc.add(p.table());
            } else {
                // the table would end with one row alone under its repeated header: that row's predecessor goes with it
                doc.add(build(t, 0, split));
                doc.newPage();
                doc.add(build(t, split, t.rows().size()));
            }
        }

        /**
         * Where to break a table that would otherwise leave its last row (the 合计) alone on a page under the
         * repeated header: the index of the row that starts the last page instead, or -1 when no row is left alone.
         */
        private int lastRowAlone(Table t) {
            int header = t.printedHeader().size();
            int n = t.rows().size();
            if (n < 3) {
                return -1;
            }

            PdfPTable table = build(t, 0, n);
            table.calculateHeights(true);
            // the header rows' height as set (cells spanning rows included): the header with the first row, less that row
            float headerHeight = measure(build(t, 1)) - LINE / 2 - table.getRowHeight(header, true);
            float page = doc.top() - doc.bottom();
            float room = room() - headerHeight;
            int onPage = 0;
            int lastPageStart = 0;
            for (int r = 0; r < n; r++) {
                float h = table.getRowHeight(header + r, true);
                if (h > room && onPage > 0) {
                    room = page - headerHeight;
                    onPage = 0;
                    lastPageStart = r;
                }
                room -= h;
                onPage++;
            }
            return lastPageStart > 0 && onPage == 1 ? n - 2 : -1;
        }
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(LineBreaking.chunk(text, font)));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPaddingLeft(CELL_PADDING);
        c.setPaddingRight(CELL_PADDING);
        c.setPaddingTop(2);
        c.setPaddingBottom(3);
        return c;
    }

    /** "— n —" 7 mm below the text block, one character in from the outside edge. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final Font font;

        PageNumbers(Font font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int n = writer.getPageNumber();
            boolean odd = n % 2 == 1;
            float y = document.bottomMargin() - 7 * MM - font.getSize();
            float x = odd ? document.getPageSize().getWidth() - document.rightMargin() - font.getSize()
                    : document.leftMargin() + font.getSize();
            ColumnText.showTextAligned(writer.getDirectContent(), odd ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT,
                    new Phrase("— " + n + " —", font), x, y, 0);
        }
    }
}

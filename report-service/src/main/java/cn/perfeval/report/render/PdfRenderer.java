package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
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
 * 14 pt on the outside edge. One embedded face serves all styles (the DOCX names the official
 * fonts). Text is drawn as text: nothing in it is interpreted.
 */
public final class PdfRenderer {

    private static final float MM = 72f / 25.4f;
    private static final float LINE = 225 * MM / 22;

    private PdfRenderer() {
    }

    public static byte[] render(ReportDocument d, BaseFont base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 28 * MM, 26 * MM, 37 * MM, 35 * MM);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(new Font(base, 14)));
            doc.addTitle(d.title());
            doc.open();
            Font title = new Font(base, 22);
            Font body = new Font(base, 16);
            for (String line : List.of(d.unitName(), d.year() + "年度部门整体支出绩效评价自评报告")) {
                com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(LINE * 1.2f, printable(line, base), title);
                p.setAlignment(Element.ALIGN_CENTER);
                doc.add(p);
            }
            doc.add(new com.lowagie.text.Paragraph(LINE, " ", body));
            for (String p : d.opening()) {
                doc.add(bodyParagraph(printable(p, base), body));
            }
            sections(doc, d.sections(), base);
            com.lowagie.text.Paragraph issuer = new com.lowagie.text.Paragraph(LINE, printable(d.issuer(), base), body);
            issuer.setAlignment(Element.ALIGN_RIGHT);
            issuer.setIndentationRight((float) (Signature.issuerIndent(d.issuer(), d.issuedOn()) * 16));
            issuer.setSpacingBefore(LINE);
            doc.add(issuer);
            if (d.issuedOn() != null) {
                com.lowagie.text.Paragraph date = new com.lowagie.text.Paragraph(LINE, printable(d.issuedOn(), base), body);
                date.setAlignment(Element.ALIGN_RIGHT);
                date.setIndentationRight((float) (Signature.dateIndent() * 16));
                doc.add(date);
            }
            doc.newPage();
            sections(doc, d.appendix(), base);
            doc.add(new com.lowagie.text.Paragraph(18, printable(d.provenance().text(), base), new Font(base, 10)));
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

    private static void sections(Document doc, List<Section> sections, BaseFont base) throws DocumentException {
        Font body = new Font(base, 16);
        for (Section s : sections) {
            doc.add(bodyParagraph(printable(s.heading(), base), body));
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    doc.add(bodyParagraph(printable(p.text(), base), body));
                } else if (b instanceof Table t) {
                    table(doc, t, base);
                }
            }
        }
    }

    private static void table(Document doc, Table t, BaseFont base) throws DocumentException {
        com.lowagie.text.Paragraph caption = new com.lowagie.text.Paragraph(LINE, printable(t.caption(), base), new Font(base, 14));
        caption.setAlignment(Element.ALIGN_CENTER);
        doc.add(caption);
        if (t.amountUnit() != null && !t.amountUnit().isEmpty()) {
            com.lowagie.text.Paragraph unit = new com.lowagie.text.Paragraph(14, "单位：" + t.amountUnit(), new Font(base, 9));
            unit.setAlignment(Element.ALIGN_RIGHT);
            doc.add(unit);
        }
        Font cellFont = new Font(base, t.header().size() > 6 ? 8 : 10);
        PdfPTable table = new PdfPTable(t.header().size());
        table.setWidthPercentage(100);
        table.setWidths(TableWidths.relative(t));
        table.setHeaderRows(1);
        table.setSpacingAfter(LINE / 2);
        for (String h : t.header()) {
            table.addCell(cell(printable(h, base), cellFont, Element.ALIGN_CENTER));
        }
        for (List<String> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                table.addCell(cell(printable(row.get(c), base), cellFont, t.numericColumns().contains(c) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
        }
        doc.add(table);
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(LineBreaking.chunk(text, font)));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(2);
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

package cn.perfeval.report.support;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading generated documents back: DOCX with POI, PDF text with OpenPDF. */
public final class Documents {

    private Documents() {
    }

    public static XWPFDocument docx(byte[] bytes) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every body paragraph, in order. */
    public static List<String> paragraphs(XWPFDocument doc) {
        List<String> out = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                out.add(p.getText());
            }
        }
        return out;
    }

    public static List<List<String>> cells(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow r : table.getRows()) {
            rows.add(r.getTableCells().stream().map(c -> c.getText()).toList());
        }
        return rows;
    }

    /** The rows of a table after its {@code headerRows} header rows. */
    public static List<List<String>> headerlessCells(XWPFTable table, int headerRows) {
        List<List<String>> all = cells(table);
        return all.subList(headerRows, all.size());
    }

    /**
     * The texts of a table's header rows, each merged cell once: a cell spanning columns is one cell, and the
     * continuation of a cell spanning rows (vMerge) is left out.
     */
    public static List<List<String>> headerTexts(XWPFTable table, int headerRows) {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < headerRows; r++) {
            List<String> row = new ArrayList<>();
            for (var c : table.getRow(r).getTableCells()) {
                var pr = c.getCTTc().getTcPr();
                boolean continued = pr != null && pr.isSetVMerge()
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.CONTINUE);
                if (!continued) {
                    row.add(c.getText());
                }
            }
            out.add(row);
        }
        return out;
    }

    public static String pdfText(byte[] bytes) {
        try {
            PdfReader reader = new PdfReader(bytes);
            PdfTextExtractor ex = new PdfTextExtractor(reader);
            StringBuilder s = new StringBuilder();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                s.append(ex.getTextFromPage(i)).append('\n');
            }
            reader.close();
            return s.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each page's lines of text, stripped, without blank lines and the page number ("— n —"). */
    public static List<List<String>> pdfPageLines(byte[] bytes) {
        try {
            PdfReader reader = new PdfReader(bytes);
            PdfTextExtractor ex = new PdfTextExtractor(reader);
            List<List<String>> pages = new ArrayList<>();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                pages.add(ex.getTextFromPage(i).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.matches("—\\s*\\d+\\s*—")).toList());
            }
            reader.close();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the fonts the pages use (as pdffonts lists them, e.g. "ABCDEF+UKaiCN"), each once. */
    public static java.util.Set<String> pdfFonts(byte[] bytes) {
        try {
            PdfReader reader = new PdfReader(bytes);
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                com.lowagie.text.pdf.PdfDictionary resources = reader.getPageN(i).getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES);
                com.lowagie.text.pdf.PdfDictionary fonts = resources == null ? null : resources.getAsDict(com.lowagie.text.pdf.PdfName.FONT);
                if (fonts == null) {
                    continue;
                }
                for (com.lowagie.text.pdf.PdfName key : fonts.getKeys()) {
                    com.lowagie.text.pdf.PdfDictionary font = (com.lowagie.text.pdf.PdfDictionary) com.lowagie.text.pdf.PdfReader.getPdfObject(fonts.get(key));
                    com.lowagie.text.pdf.PdfName base = font.getAsName(com.lowagie.text.pdf.PdfName.BASEFONT);
                    if (base != null) {
                        names.add(com.lowagie.text.pdf.PdfName.decodeName(base.toString()));
                    }
                }
            }
            reader.close();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document information of a PDF (Title, Keywords and custom entries), as text. */
    public static java.util.Map<String, String> pdfInfo(byte[] bytes) {
        try {
            PdfReader reader = new PdfReader(bytes);
            java.util.Map<String, String> info = new java.util.HashMap<>();
            // a name's bytes are UTF-8 (a Chinese key such as 字体); the reader gives them one char a byte
            reader.getInfo().forEach((k, v) -> info.put(new String(k.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    java.nio.charset.StandardCharsets.UTF_8), v));
            reader.close();
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pdfPages(byte[] bytes) {
        try {
            PdfReader reader = new PdfReader(bytes);
            int n = reader.getNumberOfPages();
            reader.close();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a CJK font is installed where report-service looks for one by default. */
    public static boolean cjkFontInstalled() {
        return List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
                        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                        "/usr/share/fonts/truetype/arphic/uming.ttc")
                .stream().anyMatch(p -> Files.isRegularFile(Path.of(p)));
    }

    /**
     * Asserts that {@code texts} occur in {@code haystack} one after another (each after the
     * previous), ignoring white space; returns the position after the last one, or -1 with the
     * first missing text in {@code missing[0]}.
     */
    public static int inOrder(String haystack, List<String> texts, String[] missing) {
        String h = haystack.replaceAll("\\s+", "");
        int at = 0;
        for (String t : texts) {
            String n = t.replaceAll("\\s+", "");
            if (n.isEmpty()) {
                continue;
            }
            int i = h.indexOf(n, at);
            if (i < 0) {
                missing[0] = t + " (after position " + at + ": …" + h.substring(Math.max(0, at - 20), Math.min(h.length(), at + 40)) + "…)";
                return -1;
            }
            at = i + n.length();
        }
        return at;
    }

    /** The cells of every table of an HTML page (header row first), unescaped. */
    public static List<List<List<String>>> htmlTables(String html) {
        List<List<List<String>>> tables = new ArrayList<>();
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("(?s)<table>(.*?)</table>").matcher(html);
        while (t.find()) {
            List<List<String>> rows = new ArrayList<>();
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(t.group(1));
            while (r.find()) {
                List<String> cells = new ArrayList<>();
                java.util.regex.Matcher c = java.util.regex.Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>").matcher(r.group(1));
                while (c.find()) {
                    cells.add(c.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                            .replace("&#39;", "'").replace("&amp;", "&"));
                }
                rows.add(cells);
            }
            tables.add(rows);
        }
        return tables;
    }
}

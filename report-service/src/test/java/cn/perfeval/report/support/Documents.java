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
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(t.group(1));
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

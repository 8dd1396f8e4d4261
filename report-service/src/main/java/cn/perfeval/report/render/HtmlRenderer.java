package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.HeaderCell;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;

import java.util.List;

/** A standalone, printable HTML page (A4, GB/T 9704 margins). Every text is escaped. */
public final class HtmlRenderer {

    static final String STYLE = """
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { font-family: 'FangSong_GB2312', 'FangSong', 'Noto Serif CJK SC', 'WenQuanYi Zen Hei', serif; font-size: 16pt; line-height: 1.8; max-width: 156mm; margin: 2em auto; }
            h1 { font-family: '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'STZhongsong', 'Noto Serif CJK SC', serif; font-size: 22pt; text-align: center; font-weight: normal; }
            h2 { font-family: '黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif; font-size: 16pt; font-weight: normal; }
            h3 { font-family: '楷体_GB2312', 'KaiTi', 'KaiTi_GB2312', serif; font-size: 16pt; font-weight: normal; }
            h4 { font-size: 16pt; font-weight: normal; }
            p { text-indent: 2em; margin: 0.3em 0; }
            p.signature { text-align: right; text-indent: 0; margin-right: 4em; }
            table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.4; margin: 0.5em 0; }
            th, td { border: 1px solid #000; padding: 2px 4px; }
            td.num { text-align: right; white-space: nowrap; }
            tr.indent-2 td:nth-child(2) { padding-left: 2em; }
            tbody td:first-child { white-space: nowrap; }
            th { font-family: '黑体', 'SimHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif; font-weight: normal; }
            h2, h3, h4, caption { page-break-after: avoid; break-after: avoid; }
            p { orphans: 2; widows: 2; }
            table { page-break-inside: auto; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            thead { display: table-header-group; }
            p.attachment-note { text-indent: 2em; margin-top: 1.8em; }
            p.attachment-label { font-family: '黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif; text-indent: 0; }
            h2.attachment-title { font-family: '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'STZhongsong', 'Noto Serif CJK SC', serif; font-size: 22pt; text-align: center; }
            caption { font-size: 12pt; }
            .provenance { font-size: 10pt; color: #555; text-indent: 0; }
            @media print { .appendix { page-break-before: always; } }
            """;

    private HtmlRenderer() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder h = new StringBuilder(32768);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        List<String> title = Titles.lines(doc);
        h.append("<h1>");
        for (int i = 0; i < title.size(); i++) {
            h.append(i == 0 ? "" : "<br>").append(escape(title.get(i)));
        }
        h.append("</h1>\n");
        paragraphs(h, doc.opening());
        sections(h, doc.sections());
        if (doc.attachmentNote() != null) {
            String[] lines = doc.attachmentNote().split("\n");
            h.append("<p class=\"attachment-note\">");
            for (int i = 0; i < lines.length; i++) {
                h.append(i == 0 ? "" : "<br>").append(escape(lines[i]));
            }
            h.append("</p>\n");
        }
        h.append("<p class=\"signature\">").append(escape(doc.issuer())).append("</p>\n");
        if (doc.issuedOn() != null) {
            h.append("<p class=\"signature\">").append(escape(doc.issuedOn())).append("</p>\n");
        }
        attachments(h, doc.appendix());
        h.append("<p class=\"provenance\">").append(escape(doc.provenance().text())).append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Each level-1 section of the appendix as an attachment: "附件" at the top left, its title centred, on a new page. */
    private static void attachments(StringBuilder h, List<Section> appendix) {
        long count = appendix.stream().filter(s -> s.level() == 1).count();
        int number = 0;
        boolean open = false;
        for (Section s : appendix) {
            if (s.level() == 1) {
                if (open) {
                    h.append("</div>\n");
                }
                number++;
                h.append("<div class=\"appendix\">\n<p class=\"attachment-label\">").append(count > 1 ? "附件" + number : "附件")
                        .append("</p>\n<h2 class=\"attachment-title\">")
                        .append(escape(cn.perfeval.report.service.ReportAssembler.attachmentTitle(s.heading()))).append("</h2>\n");
                open = true;
                sections(h, List.of(new Section(s.level(), null, s.blocks())));
            } else {
                sections(h, List.of(s));
            }
        }
        if (open) {
            h.append("</div>\n");
        }
    }

    private static void paragraphs(StringBuilder h, List<String> texts) {
        for (String p : texts) {
            h.append("<p>").append(escape(p)).append("</p>\n");
        }
    }

    private static void sections(StringBuilder h, List<Section> sections) {
        for (Section s : sections) {
            if (s.heading() != null) {
                int level = Math.min(s.level() + 1, 4);
                h.append("<h").append(level).append('>').append(escape(s.heading())).append("</h").append(level).append(">\n");
            }
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    h.append("<p>").append(escape(p.text())).append("</p>\n");
                } else if (b instanceof Table t) {
                    table(h, t);
                }
            }
        }
    }

    static void table(StringBuilder h, Table t) {
        h.append("<table>\n<caption>").append(escape(t.caption()));
        if (t.amountUnit() != null && !t.amountUnit().isEmpty()) {
            h.append("（单位：").append(escape(t.amountUnit())).append("）");
        }
        h.append("</caption>\n<thead>");
        for (List<HeaderCell> row : t.printedHeader()) {
            h.append("<tr>");
            for (HeaderCell c : row) {
                h.append("<th");
                if (c.colSpan() > 1) {
                    h.append(" colspan=\"").append(c.colSpan()).append('"');
                }
                if (c.rowSpan() > 1) {
                    h.append(" rowspan=\"").append(c.rowSpan()).append('"');
                }
                h.append('>').append(escape(c.text())).append("</th>");
            }
            h.append("</tr>");
        }
        h.append("</thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            var row = t.rows().get(r);
            // a 项 stands two characters in under its 款
            h.append(t.indent(r) > 0 ? "<tr class=\"indent-" + t.indent(r) + "\">" : "<tr>");
            for (int i = 0; i < row.size(); i++) {
                h.append(t.numericColumns().contains(i) ? "<td class=\"num\">" : "<td>").append(escape(row.get(i))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

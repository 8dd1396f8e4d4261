package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;

/** A standalone, printable HTML page (A4). Every text is escaped. */
public final class HtmlRenderer {

    private HtmlRenderer() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n")
                .append("body { font-family: 'FangSong', 'FangSong_GB2312', 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 1.8; max-width: 156mm; margin: 2em auto; }\n")
                .append("h1 { font-family: 'FZXiaoBiaoSong-B05S', 'STZhongsong', 'Noto Serif CJK SC', serif; font-size: 22pt; text-align: center; font-weight: normal; }\n")
                .append("h2 { font-family: 'SimHei', 'Noto Sans CJK SC', sans-serif; font-size: 16pt; font-weight: normal; }\n")
                .append("h3 { font-family: 'KaiTi', 'KaiTi_GB2312', serif; font-size: 16pt; font-weight: normal; }\n")
                .append("h4 { font-size: 16pt; font-weight: normal; }\n")
                .append("p { text-indent: 2em; margin: 0.3em 0; }\n")
                .append("table { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 0.5em 0; }\n")
                .append("th, td { border: 1px solid #000; padding: 2px 4px; }\n")
                .append("td.num { text-align: right; }\n caption { font-size: 12pt; }\n")
                .append(".provenance { font-size: 10pt; color: #555; text-indent: 0; }\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(doc.unitName())).append("<br>").append(doc.fiscalYear())
                .append("年度部门整体支出绩效评价自评报告</h1>\n");
        for (Section s : doc.sections()) {
            int level = Math.min(s.level() + 1, 4);
            h.append("<h").append(level).append('>').append(escape(s.heading())).append("</h").append(level).append(">\n");
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    h.append("<p>").append(escape(p.text())).append("</p>\n");
                } else if (b instanceof Table t) {
                    table(h, t);
                }
            }
        }
        var p = doc.provenance();
        h.append("<p class=\"provenance\">数据来源：预算数据版本 ").append(p.budgetVersion());
        if (p.scoreVersion() != null) {
            h.append("；评分版本 ").append(p.scoreVersion()).append("（依据预算数据版本 ").append(p.scoredBudgetVersion())
                    .append("，指标体系 ").append(escape(p.systemName())).append(" ").append(escape(p.systemCode()))
                    .append(" 第").append(p.systemVersion()).append("版）");
        }
        h.append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<table>\n<caption>").append(escape(t.caption())).append("（单位：").append(escape(t.amountUnit()))
                .append("）</caption>\n<thead><tr>");
        t.header().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                h.append(i >= 2 ? "<td class=\"num\">" : "<td>").append(escape(row.get(i))).append("</td>");
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

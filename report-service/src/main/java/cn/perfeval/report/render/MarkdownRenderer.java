package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;

import java.util.List;
import java.util.stream.Collectors;

/** Markdown (CommonMark with pipe tables). Markdown and HTML syntax in texts is escaped. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder m = new StringBuilder(8192);
        m.append("# ").append(escape(doc.title())).append("\n\n");
        for (Section s : doc.sections()) {
            m.append("#".repeat(Math.min(s.level() + 1, 6))).append(' ').append(escape(s.heading())).append("\n\n");
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    m.append(escape(p.text())).append("\n\n");
                } else if (b instanceof Table t) {
                    m.append("**").append(escape(t.caption())).append("**（单位：").append(escape(t.amountUnit())).append("）\n\n");
                    m.append(row(t.header())).append('|').append(" --- |".repeat(t.header().size())).append('\n');
                    t.rows().forEach(r -> m.append(row(r)));
                    m.append('\n');
                }
            }
        }
        var p = doc.provenance();
        m.append("---\n\n数据来源：预算数据版本 ").append(p.budgetVersion());
        if (p.scoreVersion() != null) {
            m.append("；评分版本 ").append(p.scoreVersion()).append("（依据预算数据版本 ").append(p.scoredBudgetVersion())
                    .append("，指标体系 ").append(escape(p.systemCode())).append(" 第").append(p.systemVersion()).append("版）");
        }
        return m.append('\n').toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(MarkdownRenderer::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** Backslash-escapes Markdown punctuation and entity-escapes HTML, so text stays text. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '{', '}' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

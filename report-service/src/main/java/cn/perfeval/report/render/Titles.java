package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;

import java.util.List;

/**
 * The title lines a document prints: the unit's name on the first line and the rest of the title on the
 * second, a closing parenthetical on a third (湘潭县中路铺镇人民政府 / 2024年度部门整体支出绩效运行监控报告 / （截至7月）).
 * A title that does not start
 * with the unit's name is printed as the self-evaluation report's, as before.
 */
public final class Titles {

    private Titles() {
    }

    public static List<String> lines(ReportDocument d) {
        String name = d.unitName() == null ? "" : d.unitName();
        if (!name.isEmpty() && d.title() != null && d.title().startsWith(name) && d.title().length() > name.length()) {
            String rest = d.title().substring(name.length());
            int open = rest.lastIndexOf('（');
            // a closing parenthetical (（截至7月）) on a line of its own, as a 22-point line holds about 19 characters
            if (open > 0 && rest.endsWith("）")) {
                return List.of(name, rest.substring(0, open), rest.substring(open));
            }
            return List.of(name, rest);
        }
        return List.of(name, d.year() + "年度部门整体支出绩效评价自评报告");
    }

    /** The subject of the document's properties. */
    public static String subject(ReportDocument d) {
        return d.title() != null && d.title().contains("绩效运行监控") ? "绩效运行监控报告" : "绩效评价自评报告";
    }
}

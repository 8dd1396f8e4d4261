package cn.perfeval.deploy.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic synthetic budget data: units spread over counties, each with a 支出总表 of 30 to 200
 * function-code rows whose 类/款/项 hierarchy adds up exactly; the first 500 units form one county, on which
 * the ranking is measured. Seeded, so runs compare.
 */
public final class SyntheticData {

    /** 类 codes that exist in the classification, with their names. */
    private static final String[][] CLASSES = {
            {"201", "一般公共服务支出"}, {"204", "公共安全支出"}, {"205", "教育支出"}, {"206", "科学技术支出"},
            {"207", "文化旅游体育与传媒支出"}, {"208", "社会保障和就业支出"}, {"210", "卫生健康支出"},
            {"211", "节能环保支出"}, {"212", "城乡社区支出"}, {"213", "农林水支出"}, {"214", "交通运输支出"},
            {"221", "住房保障支出"}};

    private final Random random;

    public SyntheticData(long seed) {
        this.random = new Random(seed);
    }

    public record Row(String code, String name, BigDecimal total, BigDecimal basic, BigDecimal project) {
    }

    public static String unitCode(int i) {
        return String.format("B%017d", i);
    }

    /** Units in the county the ranking is measured on: the first {@value} units, all of 县0. */
    public static final int RANKED_COUNTY_UNITS = 500;

    /** The county of the ranking figure, holding units 0 to {@link #RANKED_COUNTY_UNITS} − 1. */
    public static final String RANKED_COUNTY = "县0";

    /**
     * The county of unit {@code i}: the first {@link #RANKED_COUNTY_UNITS} units are {@link #RANKED_COUNTY} (the
     * issue's "county ranking, 500 units"), the others are spread over 县1 … 县{@code counties}.
     */
    public static String county(int i, int counties) {
        return i < RANKED_COUNTY_UNITS ? RANKED_COUNTY : "县" + (i % counties + 1);
    }

    /** A table with between {@code minRows} and {@code maxRows} rows (类 + 款 + 项). */
    public List<Row> expenditureTable(int minRows, int maxRows) {
        int target = minRows + random.nextInt(maxRows - minRows + 1);
        List<Row> rows = new ArrayList<>();
        int classIndex = 0;
        while (rows.size() < target && classIndex < CLASSES.length) {
            String[] cls = CLASSES[classIndex++];
            int remaining = target - rows.size();
            boolean last = classIndex == CLASSES.length;
            int budgetForClass = last ? remaining : Math.max(3, Math.min(remaining, 3 + random.nextInt(Math.max(1, target / 4))));
            rows.addAll(classBlock(cls[0], cls[1], budgetForClass));
        }
        return rows;
    }

    /** A 类 with 款 and 项 below it; leaves get random amounts, parents their sums. */
    private List<Row> classBlock(String classCode, String className, int rowBudget) {
        List<List<Row>> items = new ArrayList<>();
        List<Row> kuanRows = new ArrayList<>();
        int used = 1;
        int kuan = 1;
        while (used + 2 <= rowBudget && kuan <= 99) {
            int itemCount = Math.min(rowBudget - used - 1, 1 + random.nextInt(6));
            String kuanCode = classCode + String.format("%02d", kuan++);
            List<Row> leaves = new ArrayList<>();
            for (int i = 1; i <= itemCount; i++) {
                BigDecimal basic = amount();
                BigDecimal project = random.nextInt(3) == 0 ? BigDecimal.ZERO : amount();
                leaves.add(new Row(kuanCode + String.format("%02d", i), "项目" + kuanCode + i, basic.add(project), basic, project));
            }
            kuanRows.add(sum(kuanCode, "款" + kuanCode, leaves));
            items.add(leaves);
            used += 1 + itemCount;
        }
        List<Row> out = new ArrayList<>();
        out.add(sum(classCode, className, kuanRows));
        for (int k = 0; k < kuanRows.size(); k++) {
            out.add(kuanRows.get(k));
            out.addAll(items.get(k));
        }
        return out;
    }

    private static Row sum(String code, String name, List<Row> children) {
        BigDecimal basic = children.stream().map(Row::basic).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal project = children.stream().map(Row::project).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Row(code, name, basic.add(project), basic, project);
    }

    /** 0.01 to 999.99 万元, two decimals. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(1 + random.nextInt(99_999), 2);
    }

    public Random random() {
        return random;
    }
}

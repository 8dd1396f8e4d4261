package cn.perfeval.report.season;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The random part of a sample, as a pure function of the seed and the population, so that anyone can
 * draw it again on any machine: each unit code is given the key SHA-256(UTF-8 of {@code seed + ":" +
 * unitCode}) in lower-case hexadecimal, the units are ordered by that key (then by code), and the first
 * ceil(share × n / 100) are taken. The seed is written in decimal, as in the JSON.
 */
public final class SampleDraw {

    /** The description a person reads, in the sample view and the county document. */
    public static final String METHOD = "随机抽取的方法：对每个单位计算“种子:单位代码”（UTF-8 编码）的 SHA-256 摘要，"
            + "按摘要的十六进制文字从小到大排序，取排在前面的单位，个数为比例×已提交单位数÷100（向上取整）；"
            + "同一种子、同一组单位总是得到同样的结果。";

    private SampleDraw() {
    }

    /** How many units the random part takes: ceil(share × n / 100). */
    public static int count(BigDecimal share, int population) {
        return share.multiply(BigDecimal.valueOf(population)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
    }

    /** The units drawn, in draw order. */
    public static List<String> draw(long seed, List<String> population, BigDecimal share) {
        List<String> ordered = new ArrayList<>(population);
        ordered.sort(Comparator.comparing((String u) -> key(seed, u)).thenComparing(u -> u));
        return List.copyOf(ordered.subList(0, Math.min(count(share, population.size()), ordered.size())));
    }

    /** The sort key of a unit under a seed. */
    public static String key(long seed, String unitCode) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((seed + ":" + unitCode).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

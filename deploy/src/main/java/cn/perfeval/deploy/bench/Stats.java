package cn.perfeval.deploy.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples in nanoseconds, with percentiles in milliseconds. */
public final class Stats {

    private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());

    public void add(long nanos) {
        samples.add(nanos);
    }

    public int count() {
        return samples.size();
    }

    /** "p50 x ms, p99 y ms" or "n/a" without samples. */
    public String describe() {
        return count() == 0 ? "n/a (no samples)" : "p50 " + percentileMs(50) + " ms, p99 " + percentileMs(99) + " ms";
    }

    /** "x / y" (p50 / p99 in ms), or "n/a". */
    public String pair() {
        return count() == 0 ? "n/a" : percentileMs(50) + " / " + percentileMs(99);
    }

    /** The p-th percentile (0–100) in ms, nearest-rank; NaN without samples. */
    public double percentile(int p) {
        List<Long> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1_000_000.0;
    }

    /** The p-th percentile (0–100) in ms, nearest-rank, one decimal; "n/a" without samples. */
    public String percentileMs(int p) {
        List<Long> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        if (sorted.isEmpty()) {
            return "n/a";
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        long nanos = sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        return String.format("%.1f", nanos / 1_000_000.0);
    }
}

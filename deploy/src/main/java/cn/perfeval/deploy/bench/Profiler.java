package cn.perfeval.deploy.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A JFR recording of one service process during one phase of the benchmark: started and stopped with the JDK's
 * {@code jcmd} ({@code JFR.start settings=profile}, {@code JFR.stop filename=…}), then summarised with
 * {@link RecordingFile}: execution samples per thread group (thread names with their digits replaced by
 * {@code #}), and, for the busiest group: the deepest frame of the project's code on each stack and the call it was
 * making, the frames with the largest inclusive share (the project's, then every frame), the top of the stack; the
 * process's and the machine's CPU load, and the GC pauses.
 */
public final class Profiler {

    private final long pid;
    private final String name;
    private final Path file;
    private final long startedAt = System.nanoTime();

    private Profiler(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    /** Starts a recording on the process; if jcmd fails, the phase runs without one and the summary says why. */
    public static Profiler start(long pid, String name, Path dir) {
        Profiler p = new Profiler(pid, name, dir.resolve("profile-" + name + ".jfr").toAbsolutePath());
        String out = jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
        if (!out.contains("Started recording")) {
            System.out.println("  (JFR not started on " + pid + ": " + out.strip() + ")");
        }
        return p;
    }

    /** Stops the recording, writes its summary next to it and returns the summary. */
    public String stopAndSummarise(String title) {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        String out = jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
        String summary;
        if (!Files.isRegularFile(file)) {
            summary = "Profile " + title + ": no recording (" + out.strip() + ")\n";
        } else {
            try {
                summary = summarise(title, file, seconds);
            } catch (IOException | RuntimeException e) {
                summary = "Profile " + title + ": recording " + file + " unreadable: " + e + "\n";
            }
        }
        try {
            Files.writeString(file.resolveSibling("profile-" + name + ".txt"), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            summary += "(summary not written: " + e.getMessage() + ")\n";
        }
        return summary;
    }

    /** A thread name as a group: every run of digits becomes {@code #} (executor-thread-12 → executor-thread-#). */
    static String threadGroup(String threadName) {
        return threadName == null ? "?" : threadName.replaceAll("\\d+", "#");
    }

    static String summarise(String title, Path jfr, double seconds) throws IOException {
        Map<String, Integer> perGroup = new HashMap<>();
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuEvents = 0;
        long gcPauseNanos = 0;
        int gcs = 0;
        int samples = 0;
        try (RecordingFile f = new RecordingFile(jfr)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        RecordedThread t = e.getThread("sampledThread");
                        String group = threadGroup(t == null ? null : t.getJavaName() != null ? t.getJavaName() : t.getOSName());
                        perGroup.merge(group, 1, Integer::sum);
                        samples++;
                    }
                    case "jdk.CPULoad" -> {
                        jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        machineCpu += e.getFloat("machineTotal");
                        cpuEvents++;
                    }
                    case "jdk.GarbageCollection" -> {
                        gcPauseNanos += e.getDuration("sumOfPauses").toNanos();
                        gcs++;
                    }
                    default -> {
                    }
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format("Profile %s (JFR, settings=profile, %.1f s, %s)%n", title, seconds, jfr));
        if (cpuEvents > 0) {
            s.append(String.format("  CPU: this process %.0f %% of the machine, the machine %.0f %% busy (average of %d readings)%n",
                    100 * jvmCpu / cpuEvents, 100 * machineCpu / cpuEvents, cpuEvents));
        }
        s.append(String.format("  GC: %d collections, pauses %.0f ms in all%n", gcs, gcPauseNanos / 1e6));
        s.append(String.format("  %d execution samples (Java code on a CPU, every 10 ms per thread)%n", samples));
        if (samples == 0) {
            return s.toString();
        }
        final int total = samples;
        perGroup.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(g -> s.append(String.format("    %5.1f %%  %s%n", 100.0 * g.getValue() / total, g.getKey())));
        String busiest = perGroup.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        // a second pass over the file for the busiest group's stacks, counted as read (memory stays bounded)
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> deepestOwn = new HashMap<>();
        Map<String, Integer> handOff = new HashMap<>();
        int n = 0;
        try (RecordingFile f = new RecordingFile(jfr)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedThread t = e.getThread("sampledThread");
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()
                        || !busiest.equals(threadGroup(t == null ? null : t.getJavaName() != null ? t.getJavaName() : t.getOSName()))) {
                    continue;
                }
                n++;
                Set<String> seen = new HashSet<>();
                List<RecordedFrame> frames = st.getFrames();
                for (RecordedFrame frame : frames) {
                    String name = frame(frame);
                    if (!generated(name)) {
                        seen.add(name);
                    }
                }
                seen.forEach(frame -> inclusive.merge(frame, 1, Integer::sum));
                self.merge(frame(frames.get(0)), 1, Integer::sum);
                // the deepest frame of the project's own code (not a generated proxy), and what it called
                for (int i = 0; i < frames.size(); i++) {
                    String name = frame(frames.get(i));
                    if (name.startsWith("cn.perfeval.") && !generated(name)) {
                        deepestOwn.merge(name, 1, Integer::sum);
                        handOff.merge(name + " → " + (i == 0 ? "(itself)" : frame(frames.get(i - 1))), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        if (n == 0) {
            return s.toString();
        }
        final int stacksOfBusiest = n;
        s.append(String.format("  busiest thread group \"%s\" (%d samples)%n", busiest, n));
        s.append("  the deepest frame of cn.perfeval on the stack (its time and that of the libraries it calls):\n");
        top(deepestOwn, f -> true, 12, n, s);
        s.append("  … and the call it was making there:\n");
        top(handOff, f -> true, 12, n, s);
        s.append("  frames of cn.perfeval by inclusive share (generated proxies left out):\n");
        top(inclusive, f -> f.startsWith("cn.perfeval."), 12, n, s);
        s.append("  every frame by inclusive share (frames in ≥ 98 % of the samples, the thread's base, and generated ones left out):\n");
        top(inclusive, f -> inclusive.get(f) < 0.98 * stacksOfBusiest, 12, n, s);
        s.append("  top of the stack (self time):\n");
        top(self, f -> true, 12, n, s);
        return s.toString();
    }

    /** Frames the frameworks generate around the project's code (CDI proxies, interceptors, lambdas). */
    private static boolean generated(String frame) {
        return frame.contains("$$") || frame.contains("_Subclass") || frame.contains("_ClientProxy")
                || frame.contains("$Lambda") || frame.startsWith("io.quarkus.arc.") || frame.contains("Interceptor");
    }

    private static void top(Map<String, Integer> counts, java.util.function.Predicate<String> keep, int limit, int n, StringBuilder s) {
        List<Map.Entry<String, Integer>> rows = counts.entrySet().stream().filter(e -> keep.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).collect(Collectors.toList());
        if (rows.isEmpty()) {
            s.append("    (none)\n");
        }
        rows.forEach(e -> s.append(String.format("    %5.1f %%  %s%n", 100.0 * e.getValue() / n, e.getKey())));
    }

    private static String frame(RecordedFrame f) {
        if (f.getMethod() == null) {
            return "?";
        }
        String type = f.getMethod().getType() == null ? "?" : f.getMethod().getType().getName();
        return type + "." + f.getMethod().getName();
    }

    private static String jcmd(long pid, String... command) {
        Path jdk = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Files.isExecutable(jdk) ? jdk.toString() : "jcmd");
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

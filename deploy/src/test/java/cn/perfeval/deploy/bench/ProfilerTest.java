package cn.perfeval.deploy.bench;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary of a JFR recording names the busy thread group and the project's frame that keeps it busy. */
class ProfilerTest {

    @Test
    void threadNamesAreGroupedWithoutTheirDigits() {
        assertThat(Profiler.threadGroup("executor-thread-12")).isEqualTo("executor-thread-#");
        assertThat(Profiler.threadGroup("vert.x-eventloop-thread-0")).isEqualTo("vert.x-eventloop-thread-#");
        assertThat(Profiler.threadGroup(null)).isEqualTo("?");
    }

    @Test
    void theSummaryNamesTheBusiestGroupAndItsFrames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            Thread[] burners = new Thread[2];
            for (int i = 0; i < burners.length; i++) {
                burners[i] = new Thread(ProfilerTest::burn, "burner-" + (i + 7));
                burners[i].start();
            }
            for (Thread t : burners) {
                t.join();
            }
            r.stop();
            r.dump(file);
        }
        String summary = Profiler.summarise("test", file, 1.5);
        assertThat(summary).contains("busiest thread group \"burner-#\"");
        assertThat(summary).contains("cn.perfeval.deploy.bench.ProfilerTest.burn");
    }

    private static volatile double sink;

    private static void burn() {
        long end = System.nanoTime() + 1_500_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += Math.sqrt(i + x % 7);
            }
        }
        sink = x;
    }
}

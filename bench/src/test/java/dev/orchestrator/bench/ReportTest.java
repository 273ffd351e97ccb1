package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    private static Report measured() {
        Report r = new Report();
        for (double v : new double[] {900, 1000, 1100}) r.add("hop1_events_per_s", v);
        for (double v : new double[] {1200, 1250, 1300}) r.add("perftest_2q_per_queue_msgs_per_s", v);
        r.derive("hop1_ratio", r.value("hop1_events_per_s") / r.value("perftest_2q_per_queue_msgs_per_s"));
        r.add("hop1_p99_ms", 9);
        r.add("perftest_p99_ms", 4);
        r.add("status_cli_ms", 250);
        return r;
    }

    @Test
    void figuresAreMediansAndGoalsAreJudgedAgainstThemOrTheirReference() {
        Report r = measured();
        assertEquals(0.8, r.value("hop1_ratio"), 1e-9);
        assertFalse(Report.GOALS.get(0).met(r), "0.8 is short of the 0.9 goal");
        Goal p99 = Report.GOALS.stream().filter(g -> g.figure().equals("hop1_p99_ms")).findFirst().orElseThrow();
        assertEquals(8, p99.target(r));
        assertFalse(p99.met(r));
        Goal rss = Report.GOALS.stream().filter(g -> g.figure().equals("rss_mb_100_workers")).findFirst().orElseThrow();
        assertNull(rss.met(r));
    }

    @Test
    void theJsonHasEveryFigureAtTheTopWithNullForTheUnmeasured() {
        Map<String, Object> doc = measured().json();
        assertEquals(1000.0, doc.get("hop1_events_per_s"));
        assertEquals(0.8, doc.get("hop1_ratio"));
        assertEquals(List.of(900.0, 1000.0, 1100.0), ((Map<?, ?>) doc.get("runs")).get("hop1_events_per_s"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> goals = (List<Map<String, Object>>) doc.get("goals");
        Map<String, Object> rss = goals.stream().filter(g -> g.get("figure").equals("rss_mb_100_workers")).findFirst().orElseThrow();
        assertNull(rss.get("value"));
        assertNull(rss.get("met"));
    }

    @Test
    void theReadmeTableReplacesThePreviousOneBetweenTheMarkers() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# project\n\ntext\n");
        Report r = measured();
        Report.updateReadme(readme, r.markdown("first"));
        Report.updateReadme(readme, r.markdown("second"));
        String text = Files.readString(readme);
        assertTrue(text.startsWith("# project\n\ntext\n\n## Benchmark\n\n<!-- bench:begin -->\nsecond\n"), text);
        assertFalse(text.contains("first"), text);
        assertTrue(text.contains("| 1 hop / PerfTest 2 queues | 0.80 |  | >= 0.90 ✗ |"), text);
        assertTrue(text.contains("| 1 hop p99 at 2000/s, ms | 9 | 4 | <= 2x PerfTest ✗ |"), text);
        assertTrue(text.endsWith("<!-- bench:end -->\n"), text);
    }
}

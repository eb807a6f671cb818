package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The nightly run on sample files ({@link SampleInbox#SMALL}: every kind of input) plus the hostile corpus
 * ({@link HostileFiles}), twice, in a child JVM with a 1 GB
 * heap (half what jobs/run gives): both nights finish with exit code 4 (files refused, rows rejected), every file of
 * the inbox is in etl_file with a final status (loaded, loaded with rejects, unrecognised, failed, quarantined), the
 * hostile ones as {@link HostileFiles#EXPECTED} says, nothing is left 'processing', and the heap after every
 * collection stays under the -Xmx. The figures (files accounted, peak heap and resident memory, exit codes) are
 * printed for docs/operations.md.
 */
class HostileCorpusIT {

    static final Set<String> FINAL = Set.of("loaded", "loaded_with_rejects", "unrecognised", "failed", "quarantined");

    @Test
    void theNightlyOnTheSamplesPlusTheHostileCorpusFinishesTwiceWithEveryFileAccounted() throws Exception {
        Path work = Files.createTempDirectory("qyx-hostile-night-");
        Path inbox = work.resolve("inbox");
        SampleInbox.copy(inbox, SampleInbox.SMALL);
        HostileFiles.drop(inbox, inbox.resolve("残联2026年第三季度指标报送.xlsx"));
        List<Path> files;
        try (Stream<Path> all = Files.walk(inbox)) {
            files = all.filter(Files::isRegularFile).toList();
        }

        ChildRun.Result first = ChildRun.nightly(work, inbox, "1g", List.of(), null);
        ChildRun.Result second = ChildRun.nightly(work, inbox, "1g", List.of(), null);
        System.out.printf("HostileCorpusIT: night 1 exit %d, peak RSS %d MB, peak heap %d MB; night 2 exit %d, peak RSS %d MB, "
                        + "peak heap %d MB (-Xmx1g)%n", first.exitCode(), first.peakRssKb() / 1024, first.peakHeapMb(),
                second.exitCode(), second.peakRssKb() / 1024, second.peakHeapMb());
        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        for (ChildRun.Result night : List.of(first, second)) {
            assertThat(night.output()).doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");
            assertThat(night.peakHeapMb()).isLessThan(1024);
        }

        Path warehouse = work.resolve("w.duckdb");
        Map<String, String> statusByName = new TreeMap<>();
        int accounted = 0;
        for (Path file : files) {
            String name = file.getFileName().toString().replace("'", "''");
            long rows = Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + name + "'");
            long unfinished = Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + name
                    + "' AND status NOT IN ('loaded', 'loaded_with_rejects', 'unrecognised', 'failed', 'quarantined')");
            if (rows > 0 && unfinished == 0) {
                accounted++;
            } else {
                statusByName.put(inbox.relativize(file).toString(), rows + " rows, " + unfinished + " unfinished");
            }
        }
        System.out.printf("HostileCorpusIT: %d of %d inbox files accounted (%d of them hostile)%n", accounted, files.size(),
                HostileFiles.EXPECTED.size());
        assertThat(statusByName).as("files not accounted").isEmpty();
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE status = 'processing'")).isZero();
        for (Map.Entry<String, String> e : HostileFiles.EXPECTED.entrySet()) {
            if (e.getValue().equals(HostileFiles.ACCOUNTED)) {
                continue;
            }
            String name = Path.of(e.getKey()).getFileName().toString();
            String[] expected = e.getValue().split("\\|", 2);
            assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + name + "' AND status = '"
                    + expected[0] + "' AND contains(message, '" + expected[1] + "')")).as(e.getKey()).isPositive();
        }
    }
}

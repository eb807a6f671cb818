package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 5: a damaged warehouse or job-metadata file gives one Chinese line naming the file and what to do
 * (exit 1), not "Current transaction is aborted" or a stack trace; and the documented rebuild from the archive
 * (docs/operations.md, "A damaged warehouse") gives back the same facts.
 */
class DamagedWarehouseIT {

    static final String WORKBOOK = "残联2026年第三季度指标报送.xlsx";

    @TempDir
    Path work;

    Path home;
    Map<String, String> env;

    void install() throws Exception {
        home = work.resolve("home");
        Files.createDirectories(home.resolve("inbox"));
        Files.copy(Path.of("samples/inbox", WORKBOOK), home.resolve("inbox").resolve(WORKBOOK));
        env = Map.of("QYX_HOME", home.toString());
    }

    Launches.Result run(String job) throws Exception {
        return Launches.application(env, List.of("--spring.batch.job.name=" + job));
    }

    Path warehouse() {
        return home.resolve("warehouse/qiyouxiang.duckdb");
    }

    static void garbage(Path file, long from) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) (f.length() - from)];
            new Random(14).nextBytes(noise);
            f.seek(from);
            f.write(noise);
        }
    }

    @Test
    void damagedFilesSayWhichAndWhatToDoAndTheRebuildFromTheArchiveGivesTheSameFacts() throws Exception {
        install();
        assertThat(run("referenceJob").exitCode()).isZero();
        Launches.Result ingest = run("ingestJob");
        assertThat(ingest.exitCode()).as(ingest.output()).isIn(0, 4);
        long facts = Launches.count(warehouse(), "SELECT count(*) FROM fct_indicator_value WHERE is_current");
        assertThat(facts).isPositive();
        Path backup = work.resolve("backup.duckdb");
        Files.copy(warehouse(), backup);

        // blocks garbage, header intact: DuckDB's checksum error, said in Chinese with the file
        garbage(warehouse(), 12288);
        Launches.Result blocks = run("ingestJob");
        assertThat(blocks.exitCode()).as(blocks.output()).isEqualTo(ExitCodes.FAILED);
        assertThat(blocks.output()).contains("数据仓库文件已损坏：" + warehouse().toAbsolutePath(), "从归档重建")
                .doesNotContain("Current transaction is aborted");

        // the whole file garbage: refused at start, before anything opens it
        garbage(warehouse(), 0);
        Launches.Result whole = run("ingestJob");
        assertThat(whole.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(whole.output()).contains("未启动", "数据仓库文件已损坏：" + warehouse().toAbsolutePath(), "文件头不是 DuckDB 数据库")
                .doesNotContain("Exception");

        // the job metadata garbage: which file, and that moving it aside is enough
        Files.copy(backup, warehouse(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path metadata = Path.of(warehouse() + ".batch-metadata.mv.db");
        assertThat(metadata).exists();
        garbage(metadata, 0);
        Launches.Result meta = run("ingestJob");
        assertThat(meta.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(meta.output()).contains("作业记录文件已损坏：" + metadata.toAbsolutePath(), "移到别处").doesNotContain("Exception");

        // the rebuild from the archive, as documented: damaged files aside, the archived originals back in the inbox
        Files.move(warehouse(), work.resolve("damaged.duckdb"));
        Files.move(metadata, work.resolve("damaged.mv.db"));
        Files.deleteIfExists(Path.of(warehouse() + ".wal"));
        try (Stream<Path> archived = Files.walk(home.resolve("archive"))) {
            for (Path f : archived.filter(Files::isRegularFile).toList()) {
                Files.copy(f, home.resolve("inbox").resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(run("referenceJob").exitCode()).isZero();
        assertThat(run("ingestJob").exitCode()).isIn(0, 4);
        assertThat(Launches.count(warehouse(), "SELECT count(*) FROM fct_indicator_value WHERE is_current")).isEqualTo(facts);
    }
}

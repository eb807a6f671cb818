package com.qiyouxiang.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import com.qiyouxiang.intake.platform.PlatformInbox;
import com.qiyouxiang.intake.platform.PlatformMapping;
import com.qiyouxiang.intake.platform.PlatformProperties;
import com.qiyouxiang.samples.PlatformExportWriter;
import com.qiyouxiang.warehouse.DuckDbSettings;
import com.qiyouxiang.warehouse.SchemaMigrator;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Benchmark of the record-level ingest against DuckDB's own load, in one run: for each size (default
 * 1,000,000 and 5,000,000 rows) generates a 养老护理员持证名单 export (synthetic persons, UTF-8), then
 * times, in alternating rounds,
 * <ol>
 * <li>DuckDB alone: {@code CREATE TABLE AS SELECT * FROM read_csv(..., columns = {explicit types})} into a
 * fresh file, DuckDB's default settings;</li>
 * <li>the project's ingest of the same file into a fresh warehouse opened with the configured qyx.duckdb.*
 * settings (application.yml, or QYX_DUCKDB_MEMORYLIMIT / QYX_DUCKDB_THREADS): checksum and encoding
 * scan, mapping, read_csv with GB 11643 validation and the HMAC-SHA256 of every 身份证号 in the same
 * COPY to the Parquet staging file (next to the warehouse), the record table, etl_reject and etl_file,
 * committed (PlatformInbox, exactly as platformJob does it);</li>
 * </ol>
 * and prints both times, their ratio (goal: at most 1.5; best against best, and the median of each round's own
 * ratio) and each side's peak resident memory (VmHWM,
 * reset before each load through /proc/self/clear_refs; the JVM's own ~0.2 GB included), so that the
 * sizes side by side show whether memory stays flat in the file size.
 * Run with {@code jobs/benchmark} (or {@code java -cp "$(jobs/lib/tools-classpath)"
 * com.qiyouxiang.benchmark.PlatformBenchmark [rows[,rows...]] [work-dir]}).
 */
public final class PlatformBenchmark {

    private static final int ROUNDS = 3;

    private PlatformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream((args.length > 0 ? args[0] : "1000000,5000000").split(","))
                .map(v -> Long.parseLong(v.trim().replace("_", ""))).toList();
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/benchmark"));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        DuckDbSettings settings = configuredSettings();
        System.out.printf("warehouse DuckDB settings: memory_limit %s, threads %s (qyx.duckdb.*); %d CPUs%n",
                settings.memoryLimit() == null ? "default" : settings.memoryLimit(),
                settings.threads() == null ? "default" : settings.threads(), Runtime.getRuntime().availableProcessors());
        List<String> summary = new ArrayList<>();
        for (long rows : sizes) {
            Path csv = inbox.resolve("平台_养老护理员持证名单_benchmark.csv");
            long t0 = System.nanoTime();
            generate(csv, rows, Path.of("samples/reference/towns.csv"));
            System.out.printf("generated %,d rows, %,d bytes in %.1f s: %s%n", rows, Files.size(csv), seconds(t0), csv);

            // alternating rounds, so a neighbour's load on a shared machine hits both sides alike; the best of each counts
            double plain = Double.MAX_VALUE;
            double ingest = Double.MAX_VALUE;
            long plainPeak = 0;
            long ingestPeak = 0;
            List<Double> roundRatios = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                boolean reset = resetPeakRss();
                double p = plainLoad(csv, work.resolve("duckdb-plain.duckdb"));
                long pPeak = peakRssKb();
                System.out.printf("round %d  DuckDB read_csv into a table:         %6.2f s  (%,9.0f rows/s)  peak RSS %s%n",
                        round, p, rows / p, mb(pPeak) + (reset ? "" : " (so far: no /proc/self/clear_refs)"));
                resetPeakRss();
                double i = projectIngest(csv, inbox, work.resolve("warehouse-benchmark.duckdb"), settings);
                long iPeak = peakRssKb();
                System.out.printf("round %d  platformJob ingest (validate + HMAC): %6.2f s  (%,9.0f rows/s)  peak RSS %s%n",
                        round, i, rows / i, mb(iPeak));
                roundRatios.add(i / p);
                plain = Math.min(plain, p);
                ingest = Math.min(ingest, i);
                plainPeak = Math.max(plainPeak, pPeak);
                ingestPeak = Math.max(ingestPeak, iPeak);
            }
            String line = String.format("%,10d rows: ingest %6.2f s, DuckDB read_csv %6.2f s, RATIO %.2f (goal <= 1.5; "
                    + "median of the rounds' own ratios %.2f); peak RSS ingest %s, read_csv %s", rows, ingest, plain,
                    ingest / plain, median(roundRatios), mb(ingestPeak), mb(plainPeak));
            System.out.println("RESULT " + line);
            summary.add(line);
            Files.deleteIfExists(csv);
        }
        System.out.println("== summary (RATIO = best ingest / best read_csv of " + ROUNDS
                + " alternating rounds; each round's own ratio too, as a shared machine's noise moves single runs by 10-20%;"
                + " peak RSS = highest round)");
        summary.forEach(System.out::println);
    }

    /** qyx.duckdb.* as the application would bind it: the environment first, then application.yml. */
    static DuckDbSettings configuredSettings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties p = yaml.getObject();
        String memory = System.getenv().getOrDefault("QYX_DUCKDB_MEMORYLIMIT", p == null ? null : p.getProperty("qyx.duckdb.memory-limit"));
        String threads = System.getenv().getOrDefault("QYX_DUCKDB_THREADS", p == null ? null : p.getProperty("qyx.duckdb.threads"));
        return new DuckDbSettings(memory, threads == null || threads.isBlank() ? null : Integer.valueOf(threads.trim()));
    }

    /** DuckDB alone: every column into a table of a fresh database file, explicit types. */
    static double plainLoad(Path csv, Path db) throws Exception {
        Files.deleteIfExists(db);
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true, auto_detect = false,"
                    + " delim = ',', quote = '\"', escape = '\"', columns = {'name': 'VARCHAR', 'id_no': 'VARCHAR',"
                    + " 'phone': 'VARCHAR', 'certificate_no': 'VARCHAR', 'certificate_level': 'VARCHAR',"
                    + " 'division_code': 'VARCHAR', 'period': 'VARCHAR'})");
        }
        double seconds = seconds(t);
        Files.deleteIfExists(db);
        return seconds;
    }

    /** The project's ingest into a fresh warehouse (schema and towns set up before the clock starts). */
    static double projectIngest(Path csv, Path inbox, Path warehouseFile, DuckDbSettings settings) throws Exception {
        Files.deleteIfExists(warehouseFile);
        Files.deleteIfExists(Path.of(warehouseFile + ".wal"));
        double seconds;
        try (Warehouse warehouse = new Warehouse(warehouseFile, true, settings)) {
            try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
                SchemaMigrator.migrate(c);
                s.execute(SqlFiles.read("reference/dim_town.sql",
                        Map.of("towns_csv", Path.of("samples/reference/towns.csv").toAbsolutePath().toString())));
            }
            // temporary files next to the warehouse, as application.yml's default puts them
            PlatformProperties properties = new PlatformProperties(inbox, Path.of("jobs/sources/platform"),
                    "benchmark-key-" + new Random().nextLong(), warehouseFile + ".staging");
            PlatformInbox platform = new PlatformInbox(warehouse, properties, (c, candidates) -> List.of());
            List<PlatformMapping> mappings = PlatformMapping.loadAll(properties.sourcesDir());
            long t = System.nanoTime();
            String outcome = platform.loadOne(csv, mappings, null);
            seconds = seconds(t);
            System.out.println("         " + outcome);
        }
        Files.deleteIfExists(warehouseFile);
        return seconds;
    }

    /** Synthetic persons (测试人员n, 1380000xxxx, valid GB 11643 numbers); every 100,000th line has a bad check digit. */
    public static void generate(Path csv, long rows, Path townsCsv) throws IOException {
        List<String> towns = Files.readAllLines(townsCsv, StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split(",")[0]).toList();
        String[] levels = {"初级", "中级", "高级", "技师"};
        Random random = new Random(5_000_000L);
        StringBuilder line = new StringBuilder(128);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("姓名,身份证号,手机号,证书编号,证书等级,所在镇街代码,统计期\n");
            for (long i = 1; i <= rows; i++) {
                String id = PlatformExportWriter.idNumber("330681", 1950 + random.nextInt(55), 1 + random.nextInt(12),
                        1 + random.nextInt(28), (int) (i % 1000));
                if (i % 100_000 == 0) {
                    id = PlatformExportWriter.badCheckDigit(id);
                }
                line.setLength(0);
                line.append("测试人员").append(i).append(',').append(id).append(",1380000");
                PlatformExportWriter.digits(line, i % 10000, 4).append(",ZJ").append(i).append(',').append(levels[(int) (i % 4)])
                        .append(',').append(towns.get((int) (i % towns.size()))).append(",2025Q").append(1 + (int) (i % 3)).append('\n');
                w.append(line);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Resets the process's peak resident set size (Linux >= 4.0); false when that is not possible. */
    static boolean resetPeakRss() {
        System.gc(); // give back the heap the generator used, so the figure is the load's
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** VmHWM from /proc/self/status (Linux): the peak resident set size since the last reset, in kB; 0 if unknown. */
    static long peakRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String mb(long kb) {
        return kb == 0 ? "n/a" : String.format("%,d MB", kb / 1024);
    }
}

package com.qiyouxiang.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.qiyouxiang.warehouse.FaultInjection;

/**
 * Publishes the marts from the warehouse under qyx.output-dir:
 * <ul>
 * <li>{@code marts/parquet/<mart>.parquet} and {@code marts/csv/<mart>.csv} for every mart_ table, as one set: written
 * into {@code marts-sets/.<version>.tmp-<pid>/}, renamed to {@code marts-sets/<version>/} when complete, then
 * {@code marts} (a symbolic link) switched to it in one rename; the set before stays for readers in progress,
 * older ones are deleted, unfinished ones of a killed or failed publish are deleted by the next;</li>
 * <li>the read-only marts file for BI tools: built under a temporary name in a chosen DuckDB storage
 * format, detached (closed), then moved over the published file atomically. A reader connected
 * before keeps its snapshot (it holds the old file), a new reader opens the new one, and the
 * warehouse itself is never opened by BI tools, so readers never block the nightly run;</li>
 * <li>{@code 数据字典.md} and {@code 数据字典.xlsx}: the data dictionary generated from the warehouse's comments.</li>
 * </ul>
 * Every file is written under a temporary name and moved into place, so a reader never sees half a file; nothing
 * a reader sees changes before every file of the publish is written (a full disk leaves the old set whole).
 */
public class MartsPublisher {

    public record Outcome(List<String> marts, long csvRows, Path martsFile) {
    }

    private final PublishProperties properties;

    public MartsPublisher(PublishProperties properties) {
        this.properties = properties;
    }

    public static List<String> martTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name FROM duckdb_tables()
                WHERE database_name = current_database() AND schema_name = 'main' AND table_name LIKE 'mart\\_%' ESCAPE '\\'
                ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    public Outcome publish(Connection c) throws SQLException, IOException {
        Path out = Files.createDirectories(properties.outputDir().toAbsolutePath());
        Path sets = Files.createDirectories(out.resolve(SETS));
        removeUnfinishedSets(sets);
        String version = LocalDateTime.now().format(VERSION);
        Path building = sets.resolve("." + version + ".tmp-" + ProcessHandle.current().pid());
        try {
            return publish(c, out, sets, version, building);
        } catch (IOException | SQLException | RuntimeException e) {
            // the old set stays as it was; what this publish wrote goes (a full disk: the space comes back)
            deleteTree(building);
            for (Path tmp : List.of(temporary(properties.martsFile().toAbsolutePath()), temporary(out.resolve("数据字典.md")),
                    temporary(out.resolve("数据字典.xlsx")))) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
    }

    private Outcome publish(Connection c, Path out, Path sets, String version, Path building) throws SQLException, IOException {
        Path parquetDir = Files.createDirectories(building.resolve("parquet"));
        Path csvDir = Files.createDirectories(building.resolve("csv"));
        List<String> marts = martTables(c);
        long csvRows = 0;
        for (String mart : marts) {
            String query = "SELECT * FROM " + mart + " ORDER BY ALL";
            try (Statement s = c.createStatement()) {
                s.execute("COPY (" + query + ") TO " + quote(parquetDir.resolve(mart + ".parquet").toString()) + " (FORMAT parquet)");
            }
            csvRows += CsvExport.write(c, query, csvDir.resolve(mart + ".csv"));
            FaultInjection.ioError("publish:" + mart);
        }
        removeTemporaryFiles(out);
        Path martsTmp = buildMartsFile(c, marts);
        Path dictionary = out.resolve("数据字典.md");
        Path dictionaryTmp = temporary(dictionary);
        Files.writeString(dictionaryTmp, DataDictionary.markdown(c));
        Path dictionaryXlsx = out.resolve("数据字典.xlsx");
        Path dictionaryXlsxTmp = temporary(dictionaryXlsx);
        DataDictionary.workbook(c, dictionaryXlsxTmp);
        // everything is written: only now does anything a reader sees change, each by one rename
        Path set = sets.resolve(version);
        move(building, set);
        Path martsFile = properties.martsFile().toAbsolutePath();
        move(martsTmp, martsFile);
        switchLink(out.resolve(CURRENT), out.relativize(set));
        move(dictionaryTmp, dictionary);
        move(dictionaryXlsxTmp, dictionaryXlsx);
        removeOldSets(sets, set);
        return new Outcome(marts, csvRows, martsFile);
    }

    /** The folder of the published sets, one sub-folder per publish (yyyyMMdd-HHmmss-SSS). */
    static final String SETS = "marts-sets";
    /** The link readers use: out/marts -> marts-sets/&lt;the current set&gt;. */
    static final String CURRENT = "marts";
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /**
     * Points {@code link} at {@code target} in one rename (a new link under a temporary name moved over the old one),
     * so a reader resolving out/marts sees the old set or the new one, never neither nor a mix. A folder left by a
     * version before the switch existed is moved into the sets folder first (once).
     */
    static void switchLink(Path link, Path target) throws IOException {
        if (Files.isDirectory(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            move(link, link.resolveSibling(SETS).resolve("before-" + LocalDateTime.now().format(VERSION)));
        }
        Path tmp = link.resolveSibling("." + link.getFileName() + ".link-" + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, target);
        move(tmp, link);
    }

    /** Sets a publish killed or failed before its switch left (publish runs under the run lock: none is in use). */
    private static void removeUnfinishedSets(Path sets) throws IOException {
        try (var files = Files.list(sets)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(".")).toList()) {
                deleteTree(p);
            }
        }
    }

    /** Keeps the current set and the one before it (a reader that resolved the link just before the switch). */
    private static void removeOldSets(Path sets, Path current) throws IOException {
        List<Path> finished;
        try (var files = Files.list(sets)) {
            finished = files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (int i = 0; i < finished.size() - 2; i++) {
            if (!finished.get(i).equals(current)) {
                deleteTree(finished.get(i));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Builds the BI file under a temporary name in the configured storage version; the caller moves it into place. */
    Path buildMartsFile(Connection c, List<String> marts) throws SQLException, IOException {
        Path target = properties.martsFile().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = temporary(target);
        removeLeftovers(target);
        try (Statement s = c.createStatement()) {
            s.execute("ATTACH " + quote(tmp.toString()) + " AS publish_marts (STORAGE_VERSION "
                    + quote(properties.publish().storageCompatibilityVersion()) + ")");
            try {
                for (String mart : marts) {
                    s.execute("CREATE TABLE publish_marts.main." + mart + " AS SELECT * FROM " + mart + " ORDER BY ALL");
                }
                copyComments(c, s, marts);
                s.execute("CHECKPOINT publish_marts");
            } finally {
                s.execute("DETACH publish_marts");
            }
        }
        return tmp;
    }

    private static void copyComments(Connection c, Statement target, List<String> marts) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, NULL AS column_name, comment FROM duckdb_tables()
                WHERE database_name = current_database() AND comment IS NOT NULL AND table_name LIKE 'mart\\_%' ESCAPE '\\'
                UNION ALL
                SELECT table_name, column_name, comment FROM duckdb_columns()
                WHERE database_name = current_database() AND comment IS NOT NULL AND table_name LIKE 'mart\\_%' ESCAPE '\\'""")) {
            while (rs.next()) {
                if (!marts.contains(rs.getString(1))) {
                    continue;
                }
                String object = rs.getString(2) == null
                        ? "TABLE publish_marts.main." + rs.getString(1)
                        : "COLUMN publish_marts.main." + rs.getString(1) + "." + rs.getString(2);
                statements.add("COMMENT ON " + object + " IS " + quote(rs.getString(3)));
            }
        }
        for (String sql : statements) {
            target.execute(sql);
        }
    }

    /** Temporary files a crashed earlier run left behind (any process id). */
    private static void removeLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".tmp-";
        try (var files = Files.list(target.getParent())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The temporary files ({@code .<name>.tmp-<pid>}) a killed publish left in a folder (publish holds the run lock). */
    static void removeTemporaryFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("\\..*\\.tmp-[0-9]+")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    }

    static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

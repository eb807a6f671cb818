package com.qiyouxiang.intake.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.batch.Progress;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.FileBudget;
import com.qiyouxiang.warehouse.FileLimits;
import com.qiyouxiang.warehouse.FileRefusal;
import com.qiyouxiang.warehouse.Quarantine;
import com.qiyouxiang.warehouse.ReadingMarks;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.RefusedFiles;
import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Takes the platform exports (.csv, .tsv, .txt) from the inbox, in name order, each in its own
 * warehouse transaction: a file is loaded completely or not at all, so a run killed in the middle of
 * a file leaves the files before it loaded and that one untouched, and the relaunch skips what is
 * loaded (same checksum) and loads the rest. Spreadsheets in the same inbox are not looked at. Every .csv/.tsv/.txt
 * in the inbox and any subfolder is recorded in etl_file: loaded, unrecognised (no mapping, or no known encoding:
 * the line and byte offset where UTF-8 breaks), or failed (over qyx.file-limits, or the reader threw anything);
 * an export is marked while it is read ({@link ReadingMarks}), and one a launch died reading is quarantined.
 */
public class PlatformInbox {

    private static final Logger log = LoggerFactory.getLogger(PlatformInbox.class);

    public static final String INDICATOR_KIND = "platform_indicator";
    public static final String RECORDS_KIND = "platform_records";

    /**
     * What a run of the inbox did: summary lines, rows read / loaded / rejected over all new files, and
     * the etl_file ids of the files refused (this night or before) that are in the inbox.
     */
    public record Outcome(List<String> lines, long rowsRead, long rowsLoaded, long rowsRejected, List<Long> refusedFileIds) {
    }

    private final Warehouse warehouse;
    private long rowsRead;
    private long rowsLoaded;
    private long rowsRejected;
    private final PlatformProperties properties;
    private final IndicatorExportLoader indicators;
    private final RecordExportLoader records;
    private final PlatformTempFiles temp;
    private final List<Long> refused = new ArrayList<>();
    private final FileLimits limits;
    private final Path quarantineDir;
    private ReadingMarks marks;

    static final List<String> KINDS = List.of(INDICATOR_KIND, RECORDS_KIND);

    /** With the default limits and quarantine folder (tests, the benchmark). */
    public PlatformInbox(Warehouse warehouse, PlatformProperties properties, ValueRules valueRules) {
        this(warehouse, properties, valueRules, FileLimits.DEFAULTS, Path.of("quarantine"));
    }

    /**
     * @param limits        the budget each export is read under (its size, and DuckDB's own line limit)
     * @param quarantineDir where an export a launch died reading is moved
     */
    public PlatformInbox(Warehouse warehouse, PlatformProperties properties, ValueRules valueRules, FileLimits limits,
                         Path quarantineDir) {
        this.limits = limits;
        this.quarantineDir = quarantineDir;
        this.warehouse = warehouse;
        this.properties = properties;
        // the key is needed only where hashing happens: a record-level export (checked when one is met)
        String hashKey = properties.effectiveHashKey();
        KeyedHash key = hashKey == null ? null : new KeyedHash(hashKey);
        this.indicators = new IndicatorExportLoader(valueRules);
        this.temp = new PlatformTempFiles(properties.tempDir());
        this.records = key == null ? null : new RecordExportLoader(key, temp);
        if (properties.demoKey()) {
            log.warn("Hashing 身份证号 with the DEMO key '{}...' of the bundled samples: fine for a demonstration, "
                    + "never for real data; set QYX_PLATFORM_HASH_KEY", hashKey.substring(0, 8));
        }
        if (key != null) {
            log.info("Platform hash key fingerprint {}", key.fingerprint());
        }
    }

    public static boolean isPlatformExport(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return Files.isRegularFile(file) && (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"));
    }

    /** Loads every new export. */
    public Outcome loadAll(Long jobExecutionId) throws IOException, SQLException {
        return loadAll(jobExecutionId, null);
    }

    /**
     * Loads every new export in the inbox and its subfolders (to a depth of 3, as the spreadsheet ingest).
     *
     * @param exclude a folder inside the inbox that is not the platform's (the 情况说明 folder), or null
     */
    public Outcome loadAll(Long jobExecutionId, Path exclude) throws IOException, SQLException {
        List<PlatformMapping> mappings = PlatformMapping.loadAll(properties.sourcesDir());
        List<String> lines = new ArrayList<>();
        Path inbox = properties.inboxDir();
        if (properties.demoKey() && !properties.bundledSamples()) {
            // a public key makes the HMAC of an ID number anyone's to recompute: real exports never get it
            throw new IllegalStateException("Refusing to hash the exports in " + inbox.toAbsolutePath() + " with the public "
                    + "DEMO key of the bundled samples: set QYX_PLATFORM_HASH_KEY (qyx.platform.hash-key) to your own secret");
        }
        temp.deleteLeftovers();
        if (!Files.isDirectory(inbox)) {
            lines.add("inbox " + inbox + " not found: nothing to load");
            return new Outcome(lines, 0, 0, 0, List.of());
        }
        List<String> quarantined = new ArrayList<>();
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            // the exports a launch died reading, before any is read: out of the inbox, never read again by themselves
            for (Quarantine.Quarantined q : Quarantine.sweep(c, quarantineDir, KINDS, jobExecutionId)) {
                quarantined.add(q.from().getFileName() + ": quarantined (" + q.to() + ")");
            }
            refused.addAll(Quarantine.stillHeld(c, KINDS));
        }
        lines.addAll(quarantined);
        List<Path> files;
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(inbox, Integer.MAX_VALUE)) {
            files = s.filter(PlatformInbox::isPlatformExport)
                    .filter(p -> skip == null || !p.toAbsolutePath().normalize().startsWith(skip)).sorted().toList();
        }
        int unchanged = 0;
        long bytes = 0;
        for (Path path : files) {
            bytes += Files.size(path);
        }
        try (Progress progress = Progress.start("platform exports", bytes, "bytes"); ReadingMarks reading = new ReadingMarks(warehouse)) {
          marks = reading;
          for (Path path : files) {
            progress.working(path.getFileName().toString());
            String line = loadOne(path, mappings, jobExecutionId);
            progress.advance(Files.size(path));
            if (line == null) {
                unchanged++;
            } else {
                lines.add(line);
            }
          }
        } finally {
            marks = null;
        }
        lines.add(files.size() + " platform exports in " + inbox + ", " + unchanged + " unchanged since they were loaded");
        return new Outcome(lines, rowsRead, rowsLoaded, rowsRejected, refused.stream().distinct().toList());
    }

    /**
     * Loads one export in its own transaction; returns a summary line, or null when the file was loaded before.
     * Whatever the file makes the reader throw (DuckDB's reader, the decoder, an Error) ends that file as failed,
     * not the step, unless the warehouse itself no longer answers.
     */
    public String loadOne(Path path, List<PlatformMapping> mappings, Long jobExecutionId) throws IOException, SQLException {
        long start = System.nanoTime();
        String name = path.getFileName().toString();
        ExportFile file;
        FileBudget budget = limits.start(name); // started here: the time limit counts the scan too
        try {
            budget.size(Files.size(path), limits.exportMaxBytes().toBytes());
            file = ExportFile.scan(path);
        } catch (Throwable e) {
            return failed(path, FileRegistry.sha256(path), "platform", e, jobExecutionId);
        }
        double scan = (System.nanoTime() - start) / 1e9;
        PlatformMapping mapping = null;
        Map<String, Integer> fields = null;
        if (file.charset() != null) {
            for (PlatformMapping m : mappings) {
                ExportFile read = file.as(m.options());
                fields = read.charset() == null ? null : m.match(read.name(), read.header());
                if (fields != null) {
                    mapping = m;
                    file = read;
                    break;
                }
            }
        }
        String kind = mapping == null ? null : mapping.dataset().recordLevel() ? RECORDS_KIND : INDICATOR_KIND;
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            if (mapping == null) {
                String line = unrecognised(c, file, jobExecutionId);
                c.commit();
                return line;
            }
            if (FileRegistry.findProcessed(c, file.checksum(), kind) != null) {
                c.rollback();
                return null;
            }
            if (Quarantine.held(c, path, file.checksum(), KINDS)) {
                return file.name() + ": quarantined before, not read again until a new copy replaces it";
            }
            if (mapping.dataset().recordLevel() && records == null) {
                throw new IllegalStateException(file.name() + " is a record-level export and needs the hash key: set "
                        + "QYX_PLATFORM_HASH_KEY (qyx.platform.hash-key) to your own secret");
            }
            log.info("Loading {} ({}, {}) as {}; checksum and encoding scan {} s", file.name(), file.encodingLabel(),
                    file.delimiter() == '\t' ? "tab" : "'" + file.delimiter() + "'", mapping.id(), String.format("%.2f", scan));
            Long mark = marks == null ? null : marks.reading(path, file.checksum(), kind, jobExecutionId);
            RowCounts counts;
            String extra = "";
            try {
                FaultInjection.whileReading(file.name());
                long fileId = FileRegistry.register(c, path, file.checksum(), kind, jobExecutionId);
                if (mapping.dataset().recordLevel()) {
                    counts = records.load(c, file, mapping, fields, fileId, jobExecutionId);
                } else {
                    IndicatorExportLoader.Outcome o = indicators.load(c, file, mapping, fields, fileId, jobExecutionId, budget);
                    FileRegistry.reject(c, fileId, file.name(), jobExecutionId, o.rejects());
                    counts = o.counts();
                    extra = ", " + o.changed() + " facts new or revised"
                            + (o.findings().isEmpty() ? "" : "\n      " + String.join("\n      ", o.findings()));
                }
                FileRegistry.complete(c, fileId, FileStatus.loaded(counts.rowsRejected()),
                        mapping.id(), bureauCode(c, mapping), null, null, counts, file.encodingLabel());
                unmark(mark);
            } catch (Throwable e) {
                unmark(mark);
                c.rollback();
                if (!answers(c)) {
                    throw e; // the warehouse itself failed: stop the step (a restart redoes this file)
                }
                return failed(path, file.checksum(), kind, e, jobExecutionId);
            }
            FaultInjection.beforeCommit("file:" + file.name());
            long commit = System.nanoTime();
            c.commit();
            rowsRead += counts.rowsRead();
            rowsLoaded += counts.rowsLoaded();
            rowsRejected += counts.rowsRejected();
            log.info("Loaded {} in {} s (checksum and encoding scan {} s, commit {} s): {}", file.name(),
                    String.format("%.2f", (System.nanoTime() - start) / 1e9), String.format("%.2f", scan),
                    String.format("%.2f", (System.nanoTime() - commit) / 1e9), counts);
            return file.name() + " [" + mapping.id() + ", " + file.encodingLabel() + "]: " + counts + extra;
        }
    }

    private void unmark(Long mark) {
        if (mark != null) {
            marks.done(mark);
        }
    }

    /** Whether the warehouse still answers on this connection (a file's failure, not the warehouse's). */
    private static boolean answers(Connection c) {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Records an export the reader failed on, in a transaction of its own; returns its summary line. */
    private String failed(Path path, String checksum, String kind, Throwable e, Long jobExecutionId) throws SQLException {
        String name = path.getFileName().toString();
        FileRefusal refusal = FileRefusal.failed(e, name);
        if (refusal == null) {
            refusal = new FileRefusal(FileStatus.FAILED, "EXPORT_UNREADABLE", "平台导出文件“" + name
                    + "”无法读取（格式损坏或内容异常），未入库：请重新导出后放入收件箱");
        }
        log.warn("Platform export {} failed ({}): {}", name, refusal.reasonCode(), e.toString());
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            RefusedFiles.Registered r = RefusedFiles.record(c, path, checksum, kind, refusal, null, jobExecutionId);
            c.commit();
            refused.add(r.fileId());
        }
        return name + ": " + refusal.status() + " (" + refusal.reasonCode() + ")";
    }

    /** What jobs/run check prints for an export, and its exit code (0 loads cleanly, 4 with rejects or findings, 2 would not load). */
    public record Checked(String report, int exitCode) {
    }

    /**
     * jobs/run check for an export: recognised (or the mapping given) and read exactly as {@link #loadOne} does, with
     * nothing written: the mapping or why each fails, the encoding, delimiter and header as read, which column is
     * which field, and for an indicator export every line's outcome, the reconciliation and the rule findings.
     */
    public static Checked check(Connection c, Path path, List<PlatformMapping> mappings, PlatformMapping forced,
                                ValueRules rules) throws IOException, SQLException {
        ExportFile scanned = ExportFile.scan(path);
        List<String> out = new ArrayList<>();
        out.add("File: " + scanned.name() + " (platform export, " + scanned.size() + " bytes)");
        PlatformMapping mapping = null;
        ExportFile file = scanned;
        Map<String, Integer> fields = null;
        List<String> why = new ArrayList<>();
        for (PlatformMapping m : forced != null ? List.of(forced) : mappings) {
            ExportFile read = scanned.charset() == null && m.options().charset() == null ? scanned : scanned.as(m.options());
            String not = read.charset() == null ? "the bytes are not valid " + (m.options().charset() == null ? "UTF-8 or GB18030"
                    : m.options().charset().name() + " (option 'encoding')") : m.whyNot(read.name(), read.header());
            if (not == null) {
                mapping = m;
                file = read;
                fields = m.match(read.name(), read.header());
                break;
            }
            why.add("  " + m.id() + " (" + m.file() + "): " + not);
        }
        if (mapping == null) {
            out.add("Mapping: none fits");
            out.add("  bureau reads: " + refusal(scanned).reasonZh());
            out.add("Why each mapping does not fit:");
            out.addAll(why);
            return new Checked(String.join("\n", out) + "\n", 2);
        }
        out.add("Mapping: " + mapping.id() + " (" + mapping.file() + "), dataset " + mapping.dataset().name().toLowerCase()
                + (mapping.bureau() == null ? "" : ", bureau " + mapping.bureau()));
        out.add("Read as: " + file.encodingLabel() + ", delimiter " + (file.delimiter() == '\t' ? "tab" : "'" + file.delimiter() + "'")
                + ", quote " + (file.quote() == null ? "none" : "'" + file.quote() + "'") + ", header on line " + file.headerRow());
        out.add("The header, as resolved (column, header text -> field):");
        for (int i = 0; i < file.header().size(); i++) {
            int col = i;
            String field = fields.entrySet().stream().filter(e -> e.getValue() == col).map(Map.Entry::getKey).findFirst()
                    .orElse("(not read)");
            out.add("    " + (i + 1) + " " + file.header().get(i) + " -> " + field);
        }
        if (mapping.dataset().recordLevel()) {
            out.add("Record-level export: its lines are read, validated and hashed by DuckDB during the load itself;"
                    + " check reports the mapping and the header only (the personal data is never printed)");
            return new Checked(String.join("\n", out) + "\n", 0);
        }
        List<String> lines = new IndicatorExportLoader(rules).check(c, file, mapping, fields);
        out.addAll(lines);
        boolean loads = lines.stream().anyMatch(l -> l.contains(": loads "));
        boolean warnings = lines.stream().anyMatch(l -> l.contains(": rejected ")) || lines.stream().anyMatch(l -> l.startsWith("  【"));
        return new Checked(String.join("\n", out) + "\n", !loads ? 2 : warnings ? 4 : 0);
    }

    /** Records an export no mapping recognises (or empty, or in no known encoding) once; returns its summary line. */
    private String unrecognised(Connection c, ExportFile file, Long jobExecutionId) throws SQLException, IOException {
        FileRefusal refusal = refusal(file);
        RefusedFiles.Registered r = RefusedFiles.record(c, file.path(), file.checksum(), "platform", refusal, null, jobExecutionId);
        refused.add(r.fileId());
        if (!r.isNew()) {
            return file.name() + ": still " + refusal.status() + " (" + refusal.reasonCode() + ")";
        }
        log.warn("Platform export {} not loaded ({}): {}", file.name(), refusal.reasonCode(), file.charset() == null
                ? "neither UTF-8 nor GB18030" : "no mapping of " + properties.sourcesDir() + " matches its name and header " + file.header());
        return file.name() + ": " + refusal.status() + " (" + refusal.reasonCode() + ")";
    }

    /** Why an export is not loaded, in Chinese: empty, its encoding (where it breaks), or no mapping. */
    static FileRefusal refusal(ExportFile file) throws IOException {
        if (file.size() == 0) {
            return FileRefusal.EMPTY;
        }
        if (file.charset() == null) {
            String where = file.invalidUtf8At() < 0 ? ""
                    : "：第 " + ExportFile.lineOf(file.path(), file.invalidUtf8At()) + " 行（字节偏移 " + file.invalidUtf8At()
                    + "）不是有效的 UTF-8，而整个文件也不是 GBK/GB18030";
            return new FileRefusal(FileStatus.UNRECOGNISED, "UNKNOWN_ENCODING",
                    "文件编码无法识别" + where + "，请以 UTF-8 编码重新导出");
        }
        return new FileRefusal(FileStatus.UNRECOGNISED, "UNRECOGNISED_EXPORT",
                "无法识别的数据导出：文件名和表头与任何已配置的平台数据格式都不匹配，请确认导出的数据集和列名");
    }

    private static String bureauCode(Connection c, PlatformMapping mapping) throws SQLException {
        if (mapping.bureau() == null) {
            return null;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT bureau_code FROM dim_bureau_alias WHERE alias = ?")) {
            p.setString(1, mapping.bureau());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

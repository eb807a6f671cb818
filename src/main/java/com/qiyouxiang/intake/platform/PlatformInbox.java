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
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Takes the platform exports (.csv, .tsv, .txt) from the inbox, in name order, each in its own
 * warehouse transaction: a file is loaded completely or not at all, so a run killed in the middle of
 * a file leaves the files before it loaded and that one untouched, and the relaunch skips what is
 * loaded (same checksum) and loads the rest. Spreadsheets in the same inbox are not looked at.
 */
public class PlatformInbox {

    private static final Logger log = LoggerFactory.getLogger(PlatformInbox.class);

    public static final String INDICATOR_KIND = "platform_indicator";
    public static final String RECORDS_KIND = "platform_records";

    /** What a run of the inbox did: summary lines, and rows read / loaded / rejected over all new files. */
    public record Outcome(List<String> lines, long rowsRead, long rowsLoaded, long rowsRejected) {
    }

    private final Warehouse warehouse;
    private long rowsRead;
    private long rowsLoaded;
    private long rowsRejected;
    private final PlatformProperties properties;
    private final IndicatorExportLoader indicators;
    private final RecordExportLoader records;
    private final PlatformTempFiles temp;

    public PlatformInbox(Warehouse warehouse, PlatformProperties properties, ValueRules valueRules) {
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
            return new Outcome(lines, 0, 0, 0);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(inbox)) {
            files = s.filter(PlatformInbox::isPlatformExport).sorted().toList();
        }
        int unchanged = 0;
        long bytes = 0;
        for (Path path : files) {
            bytes += Files.size(path);
        }
        try (Progress progress = Progress.start("platform exports", bytes, "bytes")) {
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
        }
        lines.add(files.size() + " platform exports in " + inbox + ", " + unchanged + " unchanged since they were loaded");
        return new Outcome(lines, rowsRead, rowsLoaded, rowsRejected);
    }

    /** Loads one export in its own transaction; returns a summary line, or null when the file was loaded before. */
    public String loadOne(Path path, List<PlatformMapping> mappings, Long jobExecutionId) throws IOException, SQLException {
        long start = System.nanoTime();
        ExportFile file = ExportFile.scan(path);
        double scan = (System.nanoTime() - start) / 1e9;
        PlatformMapping mapping = null;
        Map<String, Integer> fields = null;
        if (file.charset() != null) {
            for (PlatformMapping m : mappings) {
                fields = m.match(file.name(), file.header());
                if (fields != null) {
                    mapping = m;
                    break;
                }
            }
        }
        String kind = mapping == null ? null : mapping.dataset().recordLevel() ? RECORDS_KIND : INDICATOR_KIND;
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try {
                if (mapping == null) {
                    String line = unrecognised(c, file, jobExecutionId);
                    c.commit();
                    return line;
                }
                if (FileRegistry.findProcessed(c, file.checksum(), kind) != null) {
                    c.rollback();
                    return null;
                }
                log.info("Loading {} ({}, {}) as {}; checksum and encoding scan {} s", file.name(), file.encodingLabel(),
                        file.delimiter() == '\t' ? "tab" : "comma", mapping.id(), String.format("%.2f", scan));
                long fileId = FileRegistry.register(c, path, file.checksum(), kind, jobExecutionId);
                RowCounts counts;
                String extra = "";
                if (mapping.dataset().recordLevel()) {
                    if (records == null) {
                        throw new IllegalStateException(file.name() + " is a record-level export and needs the hash key: set "
                                + "QYX_PLATFORM_HASH_KEY (qyx.platform.hash-key) to your own secret");
                    }
                    counts = records.load(c, file, mapping, fields, fileId, jobExecutionId);
                } else {
                    IndicatorExportLoader.Outcome o = indicators.load(c, file, mapping, fields, fileId, jobExecutionId);
                    FileRegistry.reject(c, fileId, file.name(), jobExecutionId, o.rejects());
                    counts = o.counts();
                    extra = ", " + o.changed() + " facts new or revised"
                            + (o.findings().isEmpty() ? "" : "\n      " + String.join("\n      ", o.findings()));
                }
                FileRegistry.complete(c, fileId, FileStatus.loaded(counts.rowsRejected()),
                        mapping.id(), bureauCode(c, mapping), null, null, counts, file.encodingLabel());
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
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private String unrecognised(Connection c, ExportFile file, Long jobExecutionId) throws SQLException {
        String why = file.charset() == null ? "编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）"
                : "没有匹配的映射（jobs/sources/platform/platform-*.yml 的文件名规则和必需列）";
        try (PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM etl_file WHERE checksum_sha256 = ? AND status = 'unrecognised'")) {
            p.setString(1, file.checksum());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return file.name() + ": still unrecognised (" + why + ")";
                }
            }
        }
        long fileId = FileRegistry.register(c, file.path(), file.checksum(), "platform", jobExecutionId);
        FileRegistry.complete(c, fileId, FileStatus.UNRECOGNISED, null, null, null, null, new RowCounts(), why);
        log.warn("Platform export {} not loaded: {}", file.name(), why);
        return file.name() + ": unrecognised (" + why + ")";
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

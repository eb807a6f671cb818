package com.qiyouxiang.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import java.util.List;

import com.qiyouxiang.intake.platform.PlatformInbox;
import com.qiyouxiang.intake.platform.PlatformMapping;
import com.qiyouxiang.intake.platform.PlatformProperties;
import com.qiyouxiang.intake.spreadsheet.IngestProperties;
import com.qiyouxiang.intake.spreadsheet.ReferenceData;
import com.qiyouxiang.intake.spreadsheet.SourceMapping;
import com.qiyouxiang.intake.spreadsheet.SourceMappings;
import com.qiyouxiang.intake.spreadsheet.SpreadsheetIngester;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.FileLimits;

/**
 * jobs/run check &lt;file&gt; [mapping=&lt;id&gt;] [--mapping-file &lt;yml&gt;]: a dry run of one file through the ingest's own
 * classes against the warehouse opened read-only (DuckDB refuses any write, so the check cannot change it), under
 * the run lock like query --warehouse. The report is the ingester's; this class only finds the file's kind, the
 * mapping asked for and the warehouse. The file is read under the same limits as at ingest (qyx.file-limits); no
 * reading mark is written (the warehouse is read-only), so a file that kills the check's JVM is not quarantined.
 */
final class FileCheck {

    /** The arguments: the file, and at most one of a mapping id or a mapping file. */
    record Arguments(Path file, String mappingId, Path mappingFile) {

        static Arguments parse(String[] source) {
            Path file = null;
            String id = null;
            Path yml = null;
            for (int i = 0; i < source.length; i++) {
                String a = source[i];
                if (a.equals("--mapping-file") && i + 1 < source.length) {
                    yml = Path.of(source[++i]);
                } else if (a.startsWith("--mapping-file=")) {
                    yml = Path.of(a.substring("--mapping-file=".length()));
                } else if (a.startsWith("mapping=")) {
                    id = a.substring("mapping=".length());
                } else if (!a.startsWith("--")) {
                    if (file != null) {
                        throw new IllegalArgumentException("check takes one file: jobs/run check <file> [mapping=<id>] [--mapping-file <yml>]");
                    }
                    file = Path.of(a);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("check needs a file: jobs/run check <file> [mapping=<id>] [--mapping-file <yml>]");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No such file: " + file.toAbsolutePath());
            }
            if (id != null && yml != null) {
                throw new IllegalArgumentException("check takes mapping=<id> or --mapping-file <yml>, not both");
            }
            if (yml != null && !Files.isRegularFile(yml)) {
                throw new IllegalArgumentException("No such mapping file: " + yml.toAbsolutePath());
            }
            return new Arguments(file, id, yml);
        }
    }

    record Result(String report, int exitCode) {
    }

    private FileCheck() {
    }

    static Result run(Arguments args, Path warehouse, IngestProperties ingest, PlatformProperties platform, ValueRules rules,
                      FileLimits limits)
            throws IOException, SQLException, RunLock.HeldException {
        if (!Files.isRegularFile(warehouse)) {
            throw new IllegalArgumentException("The warehouse " + warehouse.toAbsolutePath()
                    + " does not exist yet: check reads its reference data and history; run jobs/nightly (or jobs/run referenceJob) first");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        if (PlatformInbox.isPlatformExport(args.file())) {
            List<PlatformMapping> mappings = PlatformMapping.loadAll(platform.sourcesDir());
            PlatformMapping forced = args.mappingFile() != null ? PlatformMapping.loadFile(args.mappingFile())
                    : args.mappingId() != null ? mappings.stream().filter(m -> m.id().equals(args.mappingId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No platform mapping '" + args.mappingId() + "'; there are: "
                            + String.join(", ", mappings.stream().map(PlatformMapping::id).toList()))) : null;
            try (RunLock lock = RunLock.acquire(warehouse, "check");
                 Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), readOnly)) {
                c.setAutoCommit(false);
                PlatformInbox.Checked checked = PlatformInbox.check(c, args.file(), mappings, forced, rules);
                c.rollback();
                return new Result(checked.report(), checked.exitCode());
            }
        }
        Path sources = ingest.ingest().sourcesDir();
        SourceMappings mappings = SourceMappings.load(sources);
        SourceMapping forced = args.mappingFile() != null ? SourceMappings.loadFile(args.mappingFile(), sources)
                : args.mappingId() != null ? mappings.byId(args.mappingId()) : null;
        try (RunLock lock = RunLock.acquire(warehouse, "check");
             Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), readOnly)) {
            c.setAutoCommit(false);
            ReferenceData reference = ReferenceData.load(c);
            SpreadsheetIngester ingester = new SpreadsheetIngester(mappings, reference, rules, ingest, limits, null);
            SpreadsheetIngester.Checked checked = ingester.check(c, args.file(), forced);
            c.rollback();
            return new Result(checked.report(), checked.exitCode());
        }
    }
}

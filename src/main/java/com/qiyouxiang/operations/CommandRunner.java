package com.qiyouxiang.operations;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.qiyouxiang.publish.CsvExport;

/**
 * The commands that are not jobs, run with {@code --qyx.command=<name>} (jobs/run status, jobs/run query):
 * <ul>
 * <li>status: the last runs from the job metadata (it never opens the warehouse, so it works while a run
 * holds it);</li>
 * <li>doctor: every setting with where it came from, the folders, disk, locale, hash key, mappings and rules, the
 * warehouse's schema version and origin, the job metadata's state and the run lock ({@link Doctor}); exit 0 only when
 * all is well, 2 otherwise;</li>
 * <li>query: one read-only SQL query (text, or a .sql file) against the published marts file, printed as an
 * aligned table or, with --csv, as CSV written like the published CSVs (BOM, formula-like text neutralised:
 * {@link CsvExport}). With --warehouse it reads the working warehouse (the star schema,
 * rejects, rule results) instead, read-only and holding the run lock while it does, so that it never
 * blocks a run half-way: while a run is in progress it refuses (exit 3), and a run started meanwhile
 * exits "already running" rather than failing on DuckDB's file lock.</li>
 * <li>check &lt;file&gt; [mapping=&lt;id&gt;] [--mapping-file &lt;yml&gt;]: a dry run of one file ({@link FileCheck}).</li>
 * <li>trace &lt;indicator&gt; &lt;quarter&gt; [town]: one light followed back to its cells, in Chinese
 * ({@link com.qiyouxiang.evaluation.Trace}), from the working warehouse, read-only under the run lock.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty("qyx.command")
public class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobRepository jobRepository;
    private final OperationsProperties properties;
    private final Path warehousePath;
    private final String command;
    private final org.springframework.core.env.ConfigurableEnvironment environment;
    private final PrintStream out;
    private int exitCode = ExitCodes.SUCCESS;

    private final com.qiyouxiang.warehouse.WarehouseProperties warehouse;
    private final com.qiyouxiang.intake.spreadsheet.IngestProperties ingest;
    private final com.qiyouxiang.intake.platform.PlatformProperties platform;
    private final com.qiyouxiang.catalog.CatalogProperties catalog;
    private final com.qiyouxiang.validation.ValueRules rules;
    private final com.qiyouxiang.warehouse.FileLimits limits;
    private final com.qiyouxiang.intake.pull.PullProperties pulls;
    private final com.qiyouxiang.intake.pull.TlsProperties tls;

    public CommandRunner(JobRepository jobRepository, OperationsProperties properties,
                         com.qiyouxiang.validation.ValueRules rules,
                         com.qiyouxiang.warehouse.WarehouseProperties warehouse,
                         com.qiyouxiang.intake.spreadsheet.IngestProperties ingest,
                         com.qiyouxiang.intake.platform.PlatformProperties platform,
                         com.qiyouxiang.catalog.CatalogProperties catalog,
                         com.qiyouxiang.warehouse.FileLimits limits,
                         com.qiyouxiang.intake.pull.PullProperties pulls,
                         com.qiyouxiang.intake.pull.TlsProperties tls,
                         org.springframework.core.env.ConfigurableEnvironment environment) {
        this.limits = limits;
        this.pulls = pulls;
        this.tls = tls;
        this.rules = rules;
        this.warehouse = warehouse;
        this.ingest = ingest;
        this.platform = platform;
        this.catalog = catalog;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.warehousePath = warehouse.warehousePath();
        this.command = environment.getProperty("qyx.command");
        this.environment = environment;
        this.out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            switch (command) {
                case "status" -> out.print(status());
                case "doctor" -> {
                    Doctor doctor = new Doctor(environment, jobRepository, pulls, tls);
                    out.print(doctor.report());
                    exitCode = doctor.exitCode();
                }
                case "query" -> out.print(args.containsOption("warehouse")
                        ? queryWarehouse(args.getNonOptionArgs(), args.containsOption("csv"))
                        : query(args.getNonOptionArgs(), args.containsOption("csv")));
                case "check-mappings" -> checkMappings();
                case "trace" -> out.print(trace(args.getNonOptionArgs()));
                case "check" -> {
                    FileCheck.Result r = FileCheck.run(FileCheck.Arguments.parse(args.getSourceArgs()), warehousePath, ingest, platform, rules, limits);
                    out.print(r.report());
                    exitCode = r.exitCode();
                }
                default -> fail(ExitCodes.BAD_ARGUMENTS, "Unknown command '" + command + "': use status, query, doctor, check, check-mappings or trace");
            }
        } catch (IllegalArgumentException e) {
            fail(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        } catch (RunLock.HeldException e) {
            fail(ExitCodes.ALREADY_RUNNING, e.getMessage() + "\n(query the published marts meanwhile: leave out --warehouse)");
        } catch (SQLException | IOException e) {
            fail(ExitCodes.FAILED, e.getMessage());
        }
    }

    /** jobs/run check-mappings: exit 2 when a mapping has an error (each printed as file:line: what is wrong). */
    private void checkMappings() throws IOException {
        MappingsCheck.Result r = MappingsCheck.run(ingest.ingest().sourcesDir(), platform.sourcesDir(), warehouse.referenceDir(),
                catalog.workbook(), List.of(ingest.inboxDir(), platform.inboxDir()));
        out.print(r.report());
        if (!r.ok()) {
            exitCode = ExitCodes.BAD_ARGUMENTS;
        }
    }

    private void fail(int code, String message) {
        System.err.println("error: " + message);
        exitCode = code;
    }

    String status() {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : jobRepository.getJobNames()) {
            for (JobInstance instance : jobRepository.getJobInstances(job, 0, properties.statusLimit())) {
                executions.addAll(jobRepository.getJobExecutions(instance));
            }
        }
        executions.sort(Comparator.comparing(JobExecution::getCreateTime).reversed());
        List<List<String>> rows = new ArrayList<>();
        for (JobExecution e : executions.subList(0, Math.min(properties.statusLimit(), executions.size()))) {
            String failedStep = e.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED
                    || s.getStatus().isRunning()).map(StepExecution::getStepName).findFirst().orElse("");
            String message = e.getExitStatus().getExitDescription();
            rows.add(List.of(String.valueOf(e.getId()), e.getJobInstance().getJobName(),
                    e.getJobParameters().parameters().stream().map(p -> p.name() + "=" + p.value()).sorted().toList().toString(),
                    e.getStatus().toString(), e.getStartTime() == null ? "" : e.getStartTime().format(TIME),
                    duration(e), failedStep, message == null ? "" : firstLine(message)));
        }
        if (rows.isEmpty()) {
            return "No runs recorded yet.\n";
        }
        return TextTable.render(List.of("id", "job", "parameters", "status", "started", "duration", "failed step", "exit message"), rows);
    }

    private static String duration(JobExecution e) {
        if (e.getStartTime() == null) {
            return "";
        }
        if (e.getEndTime() == null) {
            return e.getStatus().isRunning() ? "running" : "";
        }
        Duration d = Duration.between(e.getStartTime(), e.getEndTime());
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "." + d.toMillisPart() / 100 + "s";
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    String query(List<String> args, boolean csv) throws SQLException, IOException {
        String sql = sql(args);
        Path database = properties.queryDatabase();
        if (!Files.isRegularFile(database)) {
            throw new IllegalArgumentException("The published marts file " + database.toAbsolutePath()
                    + " does not exist yet: run jobs/nightly (or jobs/run publishJob) first");
        }
        return run(database, sql, csv);
    }

    /** The same against the working warehouse, holding the run lock so that no run is half-way blocked. */
    String queryWarehouse(List<String> args, boolean csv) throws SQLException, IOException, RunLock.HeldException {
        String sql = sql(args);
        if (!Files.isRegularFile(warehousePath)) {
            throw new IllegalArgumentException("The warehouse " + warehousePath.toAbsolutePath()
                    + " does not exist yet: run jobs/nightly first");
        }
        try (RunLock lock = RunLock.acquire(warehousePath, "query --warehouse")) {
            return run(warehousePath, sql, csv);
        }
    }

    /** trace &lt;indicator&gt; &lt;quarter&gt; [town] against the working warehouse (read-only, under the run lock). */
    String trace(List<String> args) throws SQLException, RunLock.HeldException {
        if (args.size() < 2 || args.size() > 3) {
            throw new IllegalArgumentException("trace needs an indicator and a quarter: jobs/run trace H01 2026Q3 [330681001]");
        }
        if (!Files.isRegularFile(warehousePath)) {
            throw new IllegalArgumentException("The warehouse " + warehousePath.toAbsolutePath()
                    + " does not exist yet: run jobs/nightly first");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (RunLock lock = RunLock.acquire(warehousePath, "trace");
             Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehousePath.toAbsolutePath(), readOnly)) {
            return com.qiyouxiang.evaluation.Trace.trace(c, args.get(0).trim(), args.get(1).trim(),
                    args.size() == 3 ? args.get(2) : null);
        }
    }

    private static String sql(List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("query needs SQL: jobs/run query \"SELECT ...\" or jobs/run query sql/examples/<file>.sql [--csv] [--warehouse]");
        }
        String sql = String.join(" ", args).strip();
        if (sql.endsWith(".sql")) {
            Path file = Path.of(sql);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No such SQL file: " + file.toAbsolutePath());
            }
            sql = Files.readString(file, StandardCharsets.UTF_8);
        }
        return sql;
    }

    static String run(Path database, String sql, boolean csv) throws SQLException, IOException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), readOnly);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (csv) {
                StringWriter w = new StringWriter();
                CsvExport.write(rs, w);
                return w.toString();
            }
            ResultSetMetaData meta = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= header.size(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null ? "" : v.toString());
                }
                rows.add(row);
            }
            return TextTable.render(header, rows) + "(" + rows.size() + " rows)\n";
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

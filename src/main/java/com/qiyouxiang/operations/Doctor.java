package com.qiyouxiang.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.env.ConfigurableEnvironment;

import com.qiyouxiang.intake.pull.MailPull;
import com.qiyouxiang.intake.pull.PlatformPull;
import com.qiyouxiang.intake.pull.PullProperties;
import com.qiyouxiang.intake.pull.PullRefusedException;
import com.qiyouxiang.intake.pull.Secrets;
import com.qiyouxiang.intake.pull.SftpPull;
import com.qiyouxiang.intake.pull.TlsProperties;
import com.qiyouxiang.intake.pull.TrustStores;
import com.qiyouxiang.intake.platform.PlatformMapping;
import com.qiyouxiang.intake.spreadsheet.SourceMappings;
import com.qiyouxiang.validation.RuleCatalogue;
import com.qiyouxiang.warehouse.SchemaMigrator;

/**
 * {@code jobs/run doctor}, as {@code dbt debug} or {@code brew doctor}: everything a run depends on, checked without
 * running anything and without writing to the warehouse. Each line is [正常] (fine), [提示] (worth knowing) or [问题]
 * (to fix); exit 0 only when there is no [问题], otherwise 2. Labels are Chinese (an operator tool a clerk also
 * reads); keys, paths and values are as they are configured.
 */
public final class Doctor {

    /** Below this free space on the warehouse's disk a large platform export may not fit. */
    static final long MIN_FREE_BYTES = 1L << 30;

    private final ConfigurableEnvironment environment;
    private final JobRepository jobRepository;
    private final PullProperties pulls;
    private final TlsProperties tls;
    private final List<String> lines = new ArrayList<>();
    private int problems;

    /** @param pulls the pulls to try (an enabled pull connects and logs in; nothing is fetched) */
    public Doctor(ConfigurableEnvironment environment, JobRepository jobRepository, PullProperties pulls, TlsProperties tls) {
        this.environment = environment;
        this.jobRepository = jobRepository;
        this.pulls = pulls;
        this.tls = tls;
    }

    /** Runs every check; returns the report. */
    public String report() {
        configuration();
        folders();
        disk();
        locale();
        hashKey();
        mappingsAndRules();
        pulls();
        Path warehouse = Path.of(environment.getProperty(HomeFolders.WAREHOUSE)).toAbsolutePath().normalize();
        warehouseAndLock(warehouse);
        metadata(warehouse.toString());
        lines.add("");
        lines.add(problems == 0 ? "结论：全部正常" : "结论：发现 " + problems + " 个问题（见 [问题] 行）");
        return String.join("\n", lines) + "\n";
    }

    public int exitCode() {
        return problems == 0 ? ExitCodes.SUCCESS : ExitCodes.BAD_ARGUMENTS;
    }

    private void heading(String title) {
        lines.add("");
        lines.add("== " + title);
    }

    private void ok(String text) {
        lines.add("  [正常] " + text);
    }

    private void note(String text) {
        lines.add("  [提示] " + text);
    }

    private void problem(String text) {
        lines.add("  [问题] " + text);
        problems++;
    }

    private void configuration() {
        lines.add("七优享 doctor：配置与运行环境检查");
        heading("生效的配置（值 ← 来源）");
        ConfigurationKeys keys = ConfigurationKeys.load();
        int width = keys.all().stream().mapToInt(String::length).max().orElse(20);
        for (String key : keys.all()) {
            if (key.startsWith("qyx.fault.") || key.equals("qyx.command")) {
                continue;
            }
            ConfigurationOrigins.Setting s = ConfigurationOrigins.of(environment, key);
            boolean secret = key.equals(HashKeyCheck.KEY) || key.endsWith("secret") || key.endsWith("password");
            String value = secret ? (s.value() == null || s.value().isBlank() ? "(未设置)"
                    : "(已设置，不显示；指纹 " + Secrets.fingerprint(s.value()) + ")")
                    : s.value() == null ? "(未设置)" : s.value();
            lines.add("  " + String.format("%-" + width + "s", key) + "  " + value + "  ← " + s.origin());
        }
        lines.add("  " + (HomeFolders.sampleMode(environment) ? "示例模式：没有设置 qyx.home（QYX_HOME），使用仓库自带的示例文件夹"
                : "正式模式：文件夹由 qyx.home 推导（单独设置的配置项优先）"));
        for (String unknown : UnknownKeys.find(environment, keys)) {
            problem(unknown);
        }
    }

    private void folders() {
        heading("文件夹");
        for (Folders.State state : Folders.check(environment)) {
            String where = state.folder().label() + " " + (state.path() == null ? "(未设置)" : state.path());
            if (state.problem() != null) {
                problem(state.problem());
            } else if (!state.exists()) {
                note(where + (state.folder().kind() == Folders.Kind.OPTIONAL ? "：不存在（有情况说明文件时再建）" : "：尚不存在，运行时创建"));
            } else {
                ok(where + "：存在，" + (state.writable() ? "可写" : "只读"));
            }
        }
    }

    private void disk() {
        heading("磁盘");
        Path p = Path.of(environment.getProperty(HomeFolders.WAREHOUSE)).toAbsolutePath().normalize().getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            long free = Files.getFileStore(p).getUsableSpace();
            String text = "数据仓库所在磁盘（" + p + "）剩余 " + String.format("%.1f GB", free / (double) (1L << 30));
            if (free < MIN_FREE_BYTES) {
                problem(text + "，不足 1 GB");
            } else {
                ok(text);
            }
        } catch (IOException | RuntimeException e) {
            problem("无法查看数据仓库所在磁盘的剩余空间：" + e.getMessage());
        }
    }

    private void locale() {
        heading("区域设置与编码");
        if (LocaleCheck.problem().isPresent()) {
            problem(LocaleCheck.describe() + "：中文文件夹名无法使用，请用 jobs/run 启动或设置 LC_ALL=C.UTF-8");
        } else {
            ok(LocaleCheck.describe());
        }
    }

    private void hashKey() {
        heading("哈希密钥（QYX_PLATFORM_HASH_KEY）");
        HashKeyCheck.Result r = HashKeyCheck.check(environment);
        if (r.problem() != null) {
            problem(r.problem());
        } else {
            ok(r.description());
        }
    }

    private void mappingsAndRules() {
        heading("映射与规则");
        load("报表模板映射", "qyx.ingest.sources-dir", dir -> SourceMappings.load(dir).all().size() + " 个模板");
        load("平台导出映射", "qyx.platform.sources-dir", dir -> PlatformMapping.loadAll(dir).size() + " 个映射");
        load("审核规则", "qyx.validation.rules-dir", dir -> RuleCatalogue.load(dir).rules().size() + " 条规则");
    }

    /** Each enabled pull connects and logs in, as the nightly would (certificate, host key, credentials); none fetches. */
    private void pulls() {
        heading("取数连接（数据平台接口、邮箱、SFTP）");
        if (pulls == null) {
            return;
        }
        probe("数据平台接口", "qyx.pull.platform.enabled", pulls.platform().enabled(),
                () -> PlatformPull.probe(pulls.platform(), TrustStores.sslContext(tls)));
        probe("邮箱", "qyx.pull.mail.enabled", pulls.mail().enabled(), () -> MailPull.probe(pulls.mail(), TrustStores.sslContext(tls)));
        probe("SFTP", "qyx.pull.sftp.enabled", pulls.sftp().enabled(), () -> SftpPull.probe(pulls.sftp()));
    }

    private interface Probe {
        String run() throws Exception;
    }

    private void probe(String label, String key, boolean enabled, Probe probe) {
        if (!enabled) {
            note(label + "：未启用（" + key + "=false）");
            return;
        }
        try {
            ok(probe.run());
        } catch (PullRefusedException e) {
            problem(label + "：" + e.getMessage());
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            problem(label + "：无法连接或登录（" + why + "）");
        }
    }

    private interface Loader {
        String load(Path dir) throws Exception;
    }

    private void load(String label, String key, Loader loader) {
        String dir = environment.getProperty(key);
        try {
            ok(label + "（" + dir + "）：" + loader.load(Path.of(dir)) + "，读取并校验通过");
        } catch (Exception e) {
            problem(label + "（" + dir + "，配置项 " + key + "）无法读取：" + e.getMessage());
        }
    }

    private void warehouseAndLock(Path warehouse) {
        heading("数据仓库与运行锁");
        if (!Files.exists(warehouse)) {
            note("数据仓库 " + warehouse + " 尚未创建（第一次运行时创建）");
            ok("运行锁：空闲");
            return;
        }
        try (RunLock lock = RunLock.acquire(warehouse, "doctor")) {
            ok("运行锁：空闲（" + RunLock.lockFileFor(warehouse) + "）");
            schema(warehouse);
        } catch (RunLock.HeldException e) {
            note("运行锁：有作业正在运行，" + e.getMessage() + "；运行期间无法查看数据仓库");
        }
    }

    private void schema(Path warehouse) {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly); Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                version = rs.getInt(1);
            }
            List<SchemaMigrator.Migration> available = SchemaMigrator.available();
            int known = available.get(available.size() - 1).version();
            List<Integer> pending = available.stream().map(SchemaMigrator.Migration::version).filter(v -> v > version).toList();
            if (version > known) {
                problem("数据仓库的结构版本 V" + version + " 比本程序认识的 V" + known + " 新：请使用更新的程序");
            } else if (!pending.isEmpty()) {
                problem("数据仓库结构版本 V" + version + "，有 " + pending.size() + " 个待执行的迁移 " + pending
                        + "：下次运行会先升级（升级前可先备份 " + warehouse.getFileName() + "）");
            } else {
                ok("数据仓库 " + warehouse + "：结构版本 V" + version + "，没有待执行的迁移");
            }
            origin(c);
        } catch (SQLException e) {
            problem("无法以只读方式打开数据仓库 " + warehouse + "：" + e.getMessage());
        }
    }

    private void origin(Connection c) {
        WarehouseOrigin.Origin origin;
        try {
            origin = WarehouseOrigin.read(c);
        } catch (SQLException e) {
            note("数据仓库还没有来源记录（etl_warehouse_origin，下次运行时记录）");
            return;
        }
        if (origin == null) {
            note("数据仓库还没有来源记录（下次运行时记录）");
            return;
        }
        String mismatch = WarehouseOrigin.problem(origin, Path.of(environment.getProperty(HomeFolders.WAREHOUSE)),
                Path.of(environment.getProperty(HomeFolders.INBOX)), Path.of(environment.getProperty("qyx.platform.inbox-dir")));
        String kind = origin.sampleMode() ? "示例仓库" : "正式数据仓库";
        if (mismatch != null) {
            problem(mismatch);
        } else {
            ok("来源：" + kind + "（首次运行的收件箱 " + origin.inboxDir() + "）");
        }
    }

    private void metadata(String warehouse) {
        heading("运行记录（作业元数据）");
        List<String> names = jobRepository.getJobNames().stream().sorted().toList();
        if (names.isEmpty()) {
            note("还没有运行记录");
            return;
        }
        for (String job : names) {
            JobInstance instance = jobRepository.getLastJobInstance(job);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last == null) {
                continue;
            }
            String theirs = JobLaunchRunner.warehouseOf(last);
            boolean here = theirs == null || theirs.equals(warehouse);
            String text = job + " #" + last.getId() + " " + last.getStatus() + (last.getStartTime() == null ? ""
                    : "，开始于 " + last.getStartTime().withNano(0)) + "，数据仓库 " + (theirs == null ? "(未记录)" : theirs);
            BatchStatus status = last.getStatus();
            boolean unfinished = status == BatchStatus.FAILED || status == BatchStatus.STOPPED || status.isRunning();
            if (!unfinished) {
                ok(text);
            } else if (!here) {
                problem(text + "：属于另一个数据仓库，在本仓库启动时不会重启它（会重新完整运行）；共用同一份作业元数据的两个仓库请分开设置 "
                        + "qyx.metadata-path");
            } else {
                problem(text + "：没有完成，下次启动同一作业时从中断的步骤继续");
            }
        }
    }
}

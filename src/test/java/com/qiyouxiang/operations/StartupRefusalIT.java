package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clerk's mistake is caught before it touches anything: a misspelled key (command line, environment variable,
 * a configuration file) or an inbox that does not exist refuses the start with exit 2, names the key to fix and the
 * nearest valid one, and writes nothing: no warehouse, no job metadata, no log, no folder.
 * Launched through jobs/run under a bare environment, as cron starts it.
 */
class StartupRefusalIT {

    @TempDir
    Path work;

    @Test
    void aMisspelledKeyOnTheCommandLineIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path home = Files.createDirectories(work.resolve("home/inbox")).getParent();
        Launches.Result r = Launches.script(work, Map.of("QYX_HOME", home.toString()), "jobs/run", "nightlyJob",
                "--qyx.inbox-dri=" + home.resolve("inbox"));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("qyx.inbox-dri", "命令行", "是否想写 qyx.inbox-dir？");
        assertThat(Launches.tree(home)).containsExactly("inbox");
    }

    @Test
    void aMisspelledEnvironmentVariableIsRefusedWithTheVariableToWrite() throws Exception {
        Path home = Files.createDirectories(work.resolve("home/inbox")).getParent();
        Launches.Result r = Launches.script(work, Map.of("QYX_HOME", home.toString(), "QYX_WAREHOUSPATH",
                home.resolve("w.duckdb").toString()), "jobs/run", "nightlyJob");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("环境变量 QYX_WAREHOUSPATH", "QYX_WAREHOUSEPATH（qyx.warehouse-path）");
        assertThat(Launches.tree(home)).containsExactly("inbox");
    }

    @Test
    void aMisspelledKeyInAConfigurationFileIsRefused() throws Exception {
        Path home = Files.createDirectories(work.resolve("home/inbox")).getParent();
        Path file = work.resolve("qyx.yml");
        Files.writeString(file, "qyx:\n  output-dri: " + work.resolve("out") + "\n");
        Launches.Result r = Launches.script(work, Map.of("QYX_HOME", home.toString()), "jobs/run", "nightlyJob",
                "--spring.config.additional-location=file:" + file);
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("qyx.output-dri", file.toString(), "是否想写 qyx.output-dir？");
        assertThat(Launches.tree(home)).containsExactly("inbox");
    }

    @Test
    void anInboxThatDoesNotExistIsAnErrorNotAnEmptyNight() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Launches.Result r = Launches.script(work, Map.of("QYX_HOME", home.toString(), "QYX_PLATFORM_HASH_KEY", "k"),
                "jobs/nightly");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("收件箱（各部门报表）不存在：" + home.resolve("inbox"), "QYX_INBOXDIR",
                "由 qyx.home 推导（环境变量 QYX_HOME）");
        assertThat(Launches.tree(home)).as("no warehouse, metadata, log or output folder").isEmpty();
    }

    @Test
    void aMissingInboxNamedOnItsOwnIsRefusedToo() throws Exception {
        Path missing = work.resolve("no-such-inbox");
        Path home = Files.createDirectories(work.resolve("home"));
        Launches.Result r = Launches.script(work, Map.of("QYX_HOME", home.toString(), "QYX_INBOXDIR", missing.toString()),
                "jobs/run", "ingestJob");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("不存在：" + missing, "环境变量 QYX_INBOXDIR");
        assertThat(Launches.tree(home)).isEmpty();
    }
}

package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run starts on a server without a locale: jobs/nightly under {@code env -i} with only PATH=/usr/bin:/bin
 * and HOME (no LANG, no LC_*, no JAVA_HOME: java is /usr/bin/java), as cron and a bare systemd unit start it (and the
 * test launches' QYX_JAVA_OPTS, {@link Launches#script}). Without
 * the launcher's UTF-8 locale the JVM encodes file names in ASCII and cannot open the 情况说明 folder.
 */
class BareEnvironmentIT {

    @TempDir
    Path work;

    @Test
    void jobsNightlyCompletesUnderABareEnvironmentAndReadsTheChineseFolder() throws Exception {
        Path warehouse = work.resolve("w.duckdb");
        Launches.Result r = Launches.script(work, Map.of(), "jobs/nightly", "--qyx.warehouse-path=" + warehouse,
                "--qyx.output-dir=" + work.resolve("out"), "--qyx.log-dir=" + work.resolve("logs"),
                "--qyx.archive-dir=" + work.resolve("archive"));
        assertThat(r.exitCode()).as("4 on the samples (deliberate errors):\n" + r.output()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        // the 情况说明 folder inside the inbox was listed and its explanation file loaded
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE path LIKE '%/情况说明/情况说明_%'"))
                .isEqualTo(1);
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name LIKE '人社局%季度%.xlsx'"))
                .isPositive();
        assertThat(r.output()).doesNotContain("InvalidPathException", "Malformed input");
    }

    @Test
    void theApplicationStartedWithoutTheLauncherInAnAsciiLocaleRefusesInOneLine() throws Exception {
        // the JVM as a hand-written crontab line would start it: no locale, no jobs/run
        java.util.List<String> command = java.util.List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=" + work,
                "/usr/bin/java", "-cp", Launches.classPath(), com.qiyouxiang.QiyouxiangApplication.class.getName(),
                "--spring.batch.job.name=nightlyJob", "--qyx.warehouse-path=" + work.resolve("w.duckdb"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(output).contains("The locale is not UTF-8 (sun.jnu.encoding=ANSI_X3.4-1968)", "LC_ALL=C.UTF-8")
                .doesNotContain("Exception");
        assertThat(work.resolve("w.duckdb")).doesNotExist();
    }
}

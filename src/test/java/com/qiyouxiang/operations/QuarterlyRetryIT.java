package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quarterly run blocked by a nightly run still holding the warehouse (exit 3) is retried, not lost: jobs/quarterly
 * waits and tries again, and runs once the warehouse is free.
 */
class QuarterlyRetryIT {

    @TempDir
    Path work;

    @Test
    void aQuarterlyRunBlockedByARunningNightlyIsRetriedAndRuns() throws Exception {
        Path warehouse = work.resolve("w.duckdb");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Launches.classPath(), RunLockTest.class.getName(), warehouse.toString()).redirectErrorStream(true).start();
        assertThat(new String(holder.getInputStream().readNBytes("locked".length()))).isEqualTo("locked");
        java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Launches.Result> quarterly = CompletableFuture.supplyAsync(() -> {
            try {
                return Launches.script(work, Map.of("QYX_QUARTERLY_RETRY_SECONDS", "3", "QYX_QUARTERLY_RETRIES", "40"),
                        line -> {
                            if (line.contains("trying again in 3s")) {
                                blocked.countDown();
                            }
                        }, "jobs/quarterly", "--qyx.warehouse-path=" + warehouse, "--qyx.log-dir=" + work.resolve("logs"),
                        "--qyx.output-dir=" + work.resolve("out"), "--qyx.archive-dir=" + work.resolve("archive"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the "nightly" holds the warehouse until the quarterly has met it and said it will try again
        assertThat(blocked.await(5, TimeUnit.MINUTES)).as("the quarterly run was blocked and is retrying").isTrue();
        holder.destroyForcibly().waitFor();
        Launches.Result r = quarterly.get(10, TimeUnit.MINUTES);
        assertThat(r.output()).contains("Another run is in progress", "trying again in 3s (retry 1 of 40)");
        assertThat(r.exitCode()).as(r.output()).isNotEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(r.output()).contains("七优享数据仓运行结果：季度运行");
    }
}

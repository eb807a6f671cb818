package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per warehouse: a live holder in another process blocks; a killed holder never does. */
class RunLockTest {

    @TempDir
    Path dir;

    /** Run in a child JVM: takes the lock, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]), "holder process")) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void aLiveHolderInAnotherProcessBlocksAndAKilledOneDoesNot() throws Exception {
        Path warehouse = dir.resolve("w.duckdb");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunLockTest.class.getName(), warehouse.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("locked")) {
                // the child's log lines
            }
            assertThat(line).isEqualTo("locked");

            assertThatThrownBy(() -> RunLock.acquire(warehouse, "second launch"))
                    .isInstanceOf(RunLock.HeldException.class)
                    .hasMessageContaining("Another run is in progress")
                    .hasMessageContaining("pid " + holder.pid())
                    .hasMessageContaining("holder process");

            holder.destroyForcibly(); // kill -9
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        // the dead holder's record is still in the file, but the OS released its lock
        assertThat(Files.readString(RunLock.lockFileFor(warehouse))).contains("pid " + holder.pid());
        try (RunLock lock = RunLock.acquire(warehouse, "next run")) {
            assertThat(Files.readString(RunLock.lockFileFor(warehouse))).contains("next run")
                    .doesNotContain("pid " + holder.pid());
        }
        assertThat(Files.readString(RunLock.lockFileFor(warehouse))).isEmpty();
    }

    @Test
    void aLockFileLeftBehindWithoutALiveProcessIsTakenOver() throws Exception {
        Path warehouse = dir.resolve("w.duckdb");
        Files.writeString(RunLock.lockFileFor(warehouse), "pid 999999, nightlyJob [], started 2026-01-01T02:00:00");
        try (RunLock lock = RunLock.acquire(warehouse, "nightlyJob")) {
            assertThat(Files.readString(RunLock.lockFileFor(warehouse))).contains("pid " + ProcessHandle.current().pid());
        }
    }
}

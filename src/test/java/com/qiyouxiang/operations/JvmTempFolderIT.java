package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 5: DuckDB's native library (72 MB, unpacked by DuckDBNative with Files.createTempFile and only
 * deleteOnExit) goes to the product's folder &lt;qyx.jvm-temp-dir&gt;/&lt;pid&gt; that jobs/run gives the JVM as
 * java.io.tmpdir, not /tmp; a launch killed with SIGKILL leaves it there, and the next launch deletes it at start
 * and its own folder at exit. (The per-process folders are named here by numbers that are no running process, as
 * jobs/run names them by the pid it execs into.)
 */
class JvmTempFolderIT {

    @TempDir
    Path work;

    static List<String> options(Path root, String folder) throws Exception {
        Files.createDirectories(root.resolve(folder));
        return List.of("-Djava.io.tmpdir=" + root.resolve(folder), "-D" + JvmTempFolder.KEY + "=" + root);
    }

    @Test
    void theNativeLibraryOfAKilledRunIsDeletedByTheNextLaunch() throws Exception {
        Path home = work.resolve("home");
        Files.createDirectories(home.resolve("inbox"));
        Map<String, String> env = Map.of("QYX_HOME", home.toString());
        Path root = home.resolve("tmp/jvm");

        Launches.Result killed = Launches.application(env, options(root, "999999901"),
                List.of("--spring.batch.job.name=referenceJob"), "loadReferenceData");
        assertThat(killed.output()).contains("QYX-FAULT-HOLD loadReferenceData");
        assertThat(Launches.tree(root)).as("what the killed run left").anyMatch(p -> p.matches("999999901/libduckdb_java.*\\.so"));

        Launches.Result next = Launches.application(env, options(root, "999999902"),
                List.of("--spring.batch.job.name=referenceJob"), null);
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(Launches.tree(root)).as("nothing left after a clean exit, nor of the killed run").isEmpty();
    }
}

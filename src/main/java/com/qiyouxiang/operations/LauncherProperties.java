package com.qiyouxiang.operations;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The launcher's own settings (qyx.*), beside the folders every stage reads.
 *
 * @param home         the one folder a real installation lives in (QYX_HOME): the warehouse
 *                     (home/warehouse/qiyouxiang.duckdb), its job metadata (beside it), the inbox (home/inbox, with
 *                     the platform exports and the 情况说明 folder inside), archive (home/archive), output
 *                     (home/out, feedback in home/out/feedback), logs (home/logs) and quarantine (home/quarantine)
 *                     derive from it, each still overridable by its own key. Not set: sample mode, the repository's samples/inbox and
 *                     warehouse/, out/, logs/, archive/, quarantine/ relative to the working directory
 * @param metadataPath the H2 file of Spring Batch's job metadata (run history, restart state); default beside the
 *                     warehouse it belongs to: &lt;qyx.warehouse-path&gt;.batch-metadata, absolute
 * @param command      the command to run instead of a job: status, query or doctor (jobs/run sets it)
 * @param launcher     the launcher switch (qyx.launcher.*)
 * @param jvmTempDir   the root of the product's java.io.tmpdir, one sub-folder &lt;pid&gt; per process, which jobs/run
 *                     sets on the java command line (the JVM reads java.io.tmpdir once, at start): DuckDB unpacks its
 *                     72 MB native library there, POI buffers large workbooks there; the folders of processes no longer
 *                     running are deleted at start ({@link JvmTempFolder}). jobs/run's default: $QYX_HOME/tmp/jvm
 *                     (sample mode: tmp/jvm), QYX_JVMTEMPDIR to move it; not set: the system temp folder as it is
 */
@ConfigurationProperties("qyx")
public record LauncherProperties(Path home, String metadataPath, String command, @DefaultValue Launcher launcher,
                                 String jvmTempDir) {

    /**
     * @param enabled false to start the application without launching a job (tests launch jobs themselves)
     */
    public record Launcher(@DefaultValue("true") boolean enabled) {
    }
}

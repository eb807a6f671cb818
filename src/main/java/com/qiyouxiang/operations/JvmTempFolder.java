package com.qiyouxiang.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The product's own temporary folder for what libraries put in java.io.tmpdir: DuckDB's JDBC driver (2.0.0.1,
 * DuckDBNative.unpackAndLoad) copies its 72 MB native library there as {@code libduckdb_java*.so} with
 * {@code Files.createTempFile} and only {@code deleteOnExit}, so every killed JVM used to leave one in /tmp; POI's
 * SXSSF writes its sheet buffers there too. Java 17 reads java.io.tmpdir once when the JVM starts (setting it later
 * changes nothing, measured), so jobs/run sets it on the command line to {@code <qyx.jvm-temp-dir>/<pid>}. Once the
 * start-up checks have accepted the start (a refused start writes nothing), this creates that folder, deletes the
 * sibling folders of processes that are no longer running (a kill -9, a power loss), never a live
 * one's (a nightly run while {@code jobs/run status} starts), and on exit its own folder.
 */
public class JvmTempFolder implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String KEY = "qyx.jvm-temp-dir";

    /** Once a JVM (tests start many contexts in one). */
    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String root = event.getEnvironment().getProperty(KEY);
        if (root == null || root.isBlank() || !CLEANED.compareAndSet(false, true)) {
            return;
        }
        Path own = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path rootDir = Path.of(root).toAbsolutePath().normalize();
        try {
            deleteLeftovers(rootDir, own);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the temporary folder " + rootDir + " (" + KEY + ")", e);
        }
        if (rootDir.equals(own.getParent())) {
            try {
                Files.createDirectories(own);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the temporary folder " + own + " (" + KEY + ")", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(own), "qyx-jvm-temp-cleanup"));
        }
    }

    /** Deletes the sub-folders of root named for a process id that is no longer running (never {@code own}). */
    static void deleteLeftovers(Path root, Path own) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.matches("[0-9]{1,18}") && !p.toAbsolutePath().normalize().equals(own)
                        && !ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(p);
                }
            }
        }
    }
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: what is left is deleted by the next start
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}

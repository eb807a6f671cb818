package com.qiyouxiang.intake.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform ingest's temporary files (qyx.platform.temp-dir, blank = the system temp folder): UTF-8 copies of
 * GB18030 exports, which hold the export's personal data as it came, and the Parquet staging files of record-level
 * exports (hashes and masked numbers only). Each is deleted as soon as its file is loaded; a run killed meanwhile
 * (kill -9, power loss) leaves them behind, so the next run deletes those whose writer is no longer running: the
 * names carry the writing process's id, {@code qyx-platform-<pid>-<random><suffix>}. Created readable by their
 * owner only.
 */
public final class PlatformTempFiles {

    private static final Logger log = LoggerFactory.getLogger(PlatformTempFiles.class);
    private static final Pattern NAME = Pattern.compile("qyx-platform-([0-9]+)-.*");

    private final Path dir;

    /** dir null or blank = the system temp folder (java.io.tmpdir). */
    public PlatformTempFiles(String dir) {
        this.dir = dir == null || dir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(dir);
    }

    /** A new empty file, named for this process. */
    public Path create(String suffix) throws IOException {
        return Files.createTempFile(Files.createDirectories(dir), "qyx-platform-" + ProcessHandle.current().pid() + "-", suffix);
    }

    /** Deletes the files left by processes that are no longer running; returns how many. */
    public int deleteLeftovers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "qyx-platform-*")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f) && !running(Long.parseLong(m.group(1)))
                        && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            log.warn("Deleted {} temporary file(s) that an interrupted run left in {}", deleted, dir.toAbsolutePath());
        }
        return deleted;
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

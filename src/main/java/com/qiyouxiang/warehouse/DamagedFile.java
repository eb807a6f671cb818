package com.qiyouxiang.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A damaged warehouse or job-metadata file, said in one Chinese line with what to do, instead of what DuckDB or H2
 * says after it ("Current transaction is aborted", a stack trace at start-up). Two ways to know:
 * <ul>
 * <li>before opening, the header: a DuckDB file carries "DUCK" at byte 8, an H2 MVStore file starts with "H:2,"
 * (a garbage-filled file fails this);</li>
 * <li>after, the error: DuckDB's "Data Corruption Error ... checksum", "not a valid DuckDB database file", H2's
 * "File corrupted" (a file whose header survived but whose blocks did not).</li>
 * </ul>
 * What to do (docs/operations.md, "A damaged warehouse"): the warehouse is restored from the backup or rebuilt from
 * the archive; the job metadata holds only the run history and restart points and is moved aside.
 */
public final class DamagedFile {

    private static final List<String> CORRUPTION = List.of("Corrupt database file", "not a valid DuckDB database file",
            "Data Corruption Error", "File corrupted", "is not a H2 database", "checksum");

    /** Which file: the warehouse (DuckDB) or the job metadata (H2). */
    public enum Kind { WAREHOUSE, METADATA }

    private DamagedFile() {
    }

    /** The Chinese line for a damaged file, or empty when its header is sound (or it does not exist yet). */
    public static Optional<String> headerProblem(Path file, Kind kind) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        } catch (IOException e) {
            return Optional.of(lineZh(file, kind, "无法读取：" + e.getMessage()));
        }
        if (head.length == 0) {
            return Optional.empty();   // an empty file is what a first open creates
        }
        boolean sound = kind == Kind.WAREHOUSE
                ? head.length == 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("DUCK")
                : new String(head, 0, Math.min(4, head.length), StandardCharsets.US_ASCII).equals("H:2,");
        return sound ? Optional.empty() : Optional.of(lineZh(file, kind, "文件头不是" + (kind == Kind.WAREHOUSE ? " DuckDB" : " H2") + " 数据库"));
    }

    /** Whether an error, or one of its causes, says that a database file is damaged. */
    public static boolean isCorruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && CORRUPTION.stream().anyMatch(m::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The one line: which file, that it is damaged, what to do. */
    public static String lineZh(Path file, Kind kind, String detail) {
        Path f = file.toAbsolutePath().normalize();
        return kind == Kind.WAREHOUSE
                ? "数据仓库文件已损坏：" + f + "（" + detail + "）。请暂停定时任务，用备份中的该文件替换它；没有备份时从归档重建："
                        + "把损坏的文件移走，把归档文件夹中的原始文件放回收件箱，再运行 jobs/nightly（见操作手册“数据仓库损坏”）。"
                : "作业记录文件已损坏：" + f + "（" + detail + "）。它只保存运行记录和断点续跑的位置，数据仓库不受影响："
                        + "把它移到别处后重新运行即可，会自动建立新的作业记录文件。";
    }

    /** The first line of a DuckDB or H2 error, for the detail in brackets. */
    public static String detail(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && CORRUPTION.stream().anyMatch(m::contains)) {
                String line = m.lines().findFirst().orElse(m);
                return line.length() > 160 ? line.substring(0, 157) + "..." : line;
            }
        }
        return String.valueOf(error.getMessage());
    }
}

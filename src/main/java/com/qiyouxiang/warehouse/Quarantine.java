package com.qiyouxiang.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poison files: a file a run died reading ({@link ReadingMarks}) is never read again by itself. Before a step
 * reads its first file, {@link #sweep} takes every file of its kinds left {@code processing}: its row becomes
 * {@code quarantined} (with a Chinese reason and a file-level etl_reject row), and the file is moved from the
 * inbox to {@code <quarantine-dir>/<date>/}. A file whose move failed stays where it is but is skipped
 * ({@link #held}) until a new copy replaces it; a copy the clerk puts back into the inbox is read again, as any
 * new file. While a quarantined file sits in the quarantine folder, every run lists it ({@link #stillHeld}) and
 * ends with warnings (exit code 4).
 */
public final class Quarantine {

    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

    /** One file quarantined by this launch. */
    public record Quarantined(long fileId, Path from, Path to, String bureauCode, String reasonZh) {
    }

    private Quarantine() {
    }

    /** The reason the clerk and the bureau read (Chinese; the file named, no product path). */
    public static String reason(String fileName) {
        return "文件“" + fileName + "”在读取过程中导致处理程序异常终止（可能是损坏的、超大的或恶意构造的文件），"
                + "已移入隔离文件夹，不会再自动读取：请报送单位检查后另存为新的文件重新报送";
    }

    /**
     * Quarantines the files of these kinds that a dead run left {@code processing}, and commits. A row whose file
     * is no longer where it was read (removed, or replaced by other content) is deleted: there is nothing to hold.
     *
     * @param c a connection with auto-commit off and no open work
     */
    public static List<Quarantined> sweep(Connection c, Path quarantineDir, Collection<String> sourceKinds, Long jobExecutionId)
            throws SQLException {
        record Left(long fileId, String fileName, Path path, String checksum) {
        }
        List<Left> left = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.read("statements/warehouse/files_left_processing.sql",
                Map.of("source_kinds", String.join(",", sourceKinds))))) {
            while (rs.next()) {
                left.add(new Left(rs.getLong(1), rs.getString(2), Path.of(rs.getString(3)), rs.getString(4)));
            }
        }
        List<Quarantined> done = new ArrayList<>();
        for (Left l : left) {
            if (!Files.isRegularFile(l.path) || !FileRegistry.sha256(l.path).equals(l.checksum)) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM etl_file WHERE file_id = ?")) {
                    p.setLong(1, l.fileId);
                    p.executeUpdate();
                }
                c.commit();
                log.info("{}: left 'processing' by a run that died, no longer in the inbox as it was: mark removed", l.fileName);
                continue;
            }
            Path target = freeName(quarantineDir.toAbsolutePath().resolve(LocalDate.now().toString()), l.fileName);
            String reason = reason(l.fileName);
            String bureau = RefusedFiles.bureauInName(c, l.fileName);
            Map<String, Object> values = new HashMap<>();
            values.put("file_id", l.fileId);
            values.put("path", target.toString());
            values.put("quarantined_from", l.path.toString());
            values.put("message", reason);
            values.put("bureau_code", bureau);
            values.put("job_execution_id", jobExecutionId);
            try (Statement s = c.createStatement()) {
                s.executeUpdate(SqlFiles.read("statements/warehouse/quarantine_file.sql", values));
            }
            FileRegistry.reject(c, l.fileId, l.fileName, jobExecutionId,
                    List.of(new Reject(null, null, null, l.fileName, "QUARANTINED", reason)));
            c.commit();
            Path now = l.path;
            try {
                Files.createDirectories(target.getParent());
                Files.move(l.path, target, StandardCopyOption.ATOMIC_MOVE);
                now = target;
            } catch (IOException | RuntimeException e) {
                try {
                    Files.move(l.path, target);
                    now = target;
                } catch (IOException | RuntimeException again) {
                    try (PreparedStatement p = c.prepareStatement("UPDATE etl_file SET path = quarantined_from WHERE file_id = ?")) {
                        p.setLong(1, l.fileId);
                        p.executeUpdate();
                    }
                    c.commit();
                    log.warn("{}: quarantined but could not be moved to {} ({}); it stays in the inbox and is skipped until "
                            + "a new copy replaces it", l.fileName, target, again.toString());
                }
            }
            log.warn("{}: a run died while reading it: quarantined ({})", l.fileName, now);
            done.add(new Quarantined(l.fileId, l.path, now, bureau, reason));
        }
        return done;
    }

    /**
     * Whether this inbox file is one that was quarantined but could not be moved: the same content at the same
     * place, not modified since (a copy put back by the clerk is newer and is read).
     */
    public static boolean held(Connection c, Path file, String checksum, Collection<String> sourceKinds) throws SQLException {
        String here = file.toString();
        long modified;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return false;
        }
        for (Row r : quarantined(c, sourceKinds)) {
            if (here.equals(r.from) && checksum.equals(r.checksum) && here.equals(r.path) && modified <= r.quarantinedMs) {
                return true;
            }
        }
        return false;
    }

    /** The ids of quarantined files of these kinds still in the quarantine folder (or left in the inbox). */
    public static List<Long> stillHeld(Connection c, Collection<String> sourceKinds) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Row r : quarantined(c, sourceKinds)) {
            if (Files.isRegularFile(Path.of(r.path))) {
                ids.add(r.fileId);
            }
        }
        return ids;
    }

    private record Row(long fileId, String path, String from, String checksum, long quarantinedMs) {
    }

    private static List<Row> quarantined(Connection c, Collection<String> sourceKinds) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.read("statements/warehouse/quarantined_files.sql",
                Map.of("source_kinds", String.join(",", sourceKinds))))) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }
        return rows;
    }

    private static Path freeName(Path dir, String fileName) {
        Path target = dir.resolve(fileName);
        for (int i = 2; Files.exists(target); i++) {
            int dot = fileName.lastIndexOf('.');
            target = dir.resolve(dot < 0 ? fileName + "-" + i : fileName.substring(0, dot) + "-" + i + fileName.substring(dot));
        }
        return target;
    }
}

package com.qiyouxiang.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the file being read: before a reader opens it, an etl_file row with status {@code processing} is
 * committed on a connection of its own (auto-commit), outside the file's transaction; when the read ends,
 * however it ends, the row is deleted again, and the file's own transaction records what became of it. A row
 * still {@code processing} at the next launch therefore means the process died while it read that file (an
 * out-of-memory kill, a native crash, a kill -9 inside the parse): {@link Quarantine} takes the file out of
 * the inbox instead of reading it again. A process killed after the read (while its transaction commits) leaves
 * no mark, and the relaunch simply redoes the file.
 */
public final class ReadingMarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingMarks.class);

    private final Connection connection;

    public ReadingMarks(Warehouse warehouse) {
        this.connection = warehouse.connect();
    }

    /** Commits the mark of a file about to be read; returns its etl_file id. */
    public long reading(Path file, String checksum, String sourceKind, Long jobExecutionId) throws SQLException {
        return FileRegistry.register(connection, file, checksum, sourceKind, jobExecutionId);
    }

    /** The read of a marked file ended (loaded, refused or failed: its own transaction says which). */
    public void done(long markId) {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM etl_file WHERE file_id = ? AND status = 'processing'")) {
            p.setLong(1, markId);
            p.executeUpdate();
        } catch (SQLException e) {
            // a mark left behind quarantines a file that was read to its end: say so, but do not fail the file
            log.warn("The reading mark {} could not be removed: {}", markId, e.getMessage());
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

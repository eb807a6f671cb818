package com.qiyouxiang.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per warehouse: an OS file lock on {@code <warehouse>.lock}, which also records
 * who holds it (pid, job, start). The operating system drops the lock when its process dies, so a
 * run killed with kill -9 never blocks the next one; the next run reports the dead holder it
 * replaces.
 */
public final class RunLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    /** Another live process holds the lock. */
    public static final class HeldException extends Exception {
        public HeldException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFileFor(Path warehouse) {
        return warehouse.toAbsolutePath().resolveSibling(warehouse.getFileName() + ".lock");
    }

    /** Takes the lock for the warehouse, or throws {@link HeldException} naming the live holder. */
    public static RunLock acquire(Path warehouse, String what) throws HeldException {
        Path file = lockFileFor(warehouse);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null;
            }
            String previous = read(channel);
            if (lock == null) {
                channel.close();
                throw new HeldException("Another run is in progress on " + warehouse.toAbsolutePath() + ": "
                        + (previous.isBlank() ? "(holder unknown)" : previous) + " — lock file " + file);
            }
            if (!previous.isBlank()) {
                log.warn("Taking over the run lock left by a process that is gone: {}", previous);
            }
            String holder = "pid " + ProcessHandle.current().pid() + ", " + what + ", started "
                    + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the run lock " + file, e);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** Releases the lock and clears the holder (a clean end leaves no stale holder behind). */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("Releasing the run lock failed: {}", e.getMessage());
        }
    }
}

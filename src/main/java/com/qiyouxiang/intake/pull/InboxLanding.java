package com.qiyouxiang.intake.pull;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.FileRegistry;

/**
 * How a pulled file enters the inbox: written under a hidden temporary name in the same folder (".&lt;name&gt;.part",
 * which neither ingest reads), flushed to disk, checksummed while written, then moved to its name in one atomic
 * rename. A run killed while writing leaves only the hidden file, which the next pull deletes
 * ({@link #deleteLeftovers}); the inbox never holds a partial file under a name an ingest reads.
 */
public final class InboxLanding {

    private static final String PART = ".part";

    /** What landed: the file, its SHA-256 and size; {@code unchanged} when that name already held the same bytes. */
    public record Landed(Path path, String checksum, long size, boolean unchanged) {
    }

    /** Writes the file's bytes; may throw to abandon it (nothing lands). */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private InboxLanding() {
    }

    /** Deletes the hidden temporary files a killed pull left in a folder and its subfolders; returns how many. */
    public static int deleteLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            int n = 0;
            for (Path p : files.filter(InboxLanding::isPart).toList()) {
                Files.deleteIfExists(p);
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the temporary files in " + dir, e);
        }
    }

    static boolean isPart(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(PART) && Files.isRegularFile(p);
    }

    /**
     * Lands a file in {@code dir} under {@code name}.
     *
     * @param replace true: an existing file of that name is replaced (the platform's latest export of a period);
     *                false: it is kept and the new one takes the next free name (name_2.xlsx, ...), unless it holds
     *                the same bytes, when nothing is written
     * @param maxBytes the most the body may write; more abandons the file with a {@link PullRefusedException}
     */
    public static Landed land(Path dir, String name, boolean replace, long maxBytes, Body body) throws IOException {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.isBlank()) {
            throw new IllegalArgumentException("Not a plain file name: '" + name + "'");
        }
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + name + PART);
        MessageDigest digest = sha256();
        long size;
        try {
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
                 Limited limited = new Limited(new DigestOutputStream(file, digest), maxBytes, name)) {
                body.write(limited);
                limited.flush();
                size = limited.count;
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            FaultInjection.beforeCommit("land:" + name); // a crash test kills the run here: complete, not yet moved
            String checksum = HexFormat.of().formatHex(digest.digest());
            Path target = dir.resolve(name);
            if (Files.exists(target) && !replace) {
                Path same = sameOrFree(dir, name, checksum);
                if (Files.exists(same)) {
                    Files.delete(temp);
                    return new Landed(same, checksum, size, true);
                }
                target = same;
            } else if (Files.exists(target) && checksum.equals(FileRegistry.sha256(target))) {
                Files.delete(temp);
                return new Landed(target, checksum, size, true);
            }
            move(temp, target);
            return new Landed(target, checksum, size, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file of that name (or a _2, _3 ... one) holding these bytes, or the first free such name. */
    private static Path sameOrFree(Path dir, String name, String checksum) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; ; i++) {
            Path candidate = dir.resolve(i == 1 ? name : stem + "_" + i + ext);
            if (!Files.exists(candidate) || checksum.equals(FileRegistry.sha256(candidate))) {
                return candidate;
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The inbox " + temp.getParent() + " cannot rename atomically", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what is written and refuses more than the limit. */
    private static final class Limited extends FilterOutputStream {
        private final long max;
        private final String name;
        long count;

        Limited(OutputStream out, long max, String name) {
            super(out);
            this.max = max;
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            out.write(b, off, len);
        }

        private void check(int n) {
            count += n;
            if (count > max) {
                throw new PullRefusedException("文件“" + name + "”超过大小上限 " + (max >> 20) + " MB，未放入收件箱");
            }
        }
    }
}

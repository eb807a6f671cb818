package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

import com.qiyouxiang.warehouse.FileRegistry;

/**
 * Keeps every processed file under archive-dir/yyyy-MM-dd/, copied (the default) or moved; never
 * deletes. A file already archived with the same content is not copied again; a different file of
 * the same name gets the checksum's first characters added to its name.
 */
final class Archiver {

    private final Path archiveDir;
    private final IngestProperties.ArchiveMode mode;

    Archiver(Path archiveDir, IngestProperties.ArchiveMode mode) {
        this.archiveDir = archiveDir;
        this.mode = mode;
    }

    Path archive(Path file, String checksum, LocalDate day) throws IOException {
        Path dir = archiveDir.resolve(day.toString());
        Files.createDirectories(dir);
        Path target = target(dir, file.getFileName().toString(), checksum);
        if (Files.exists(target)) {
            if (mode == IngestProperties.ArchiveMode.MOVE) {
                Files.delete(file); // the same content is safe in the archive
            }
            return target;
        }
        if (mode == IngestProperties.ArchiveMode.MOVE) {
            Files.move(file, target);
        } else {
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return target;
    }

    /**
     * The archived copy of a file archived on {@code day} (its name, or its name with the checksum's first characters
     * when another file of that name was there first), or null when it is not there with that content (deleted, or
     * never archived).
     */
    Path archived(String name, String checksum, LocalDate day) {
        Path copy = target(archiveDir.resolve(day.toString()), name, checksum);
        return Files.isRegularFile(copy) && FileRegistry.sha256(copy).equals(checksum) ? copy : null;
    }

    /** Where a file of this name and content goes in (or is found in) a day's folder. */
    private static Path target(Path dir, String name, String checksum) {
        Path target = dir.resolve(name);
        if (Files.exists(target) && !FileRegistry.sha256(target).equals(checksum)) {
            int dot = name.lastIndexOf('.');
            target = dir.resolve(name.substring(0, dot) + "-" + checksum.substring(0, 8) + name.substring(dot));
        }
        return target;
    }
}

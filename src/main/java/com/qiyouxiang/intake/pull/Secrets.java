package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The pulls' and replies' secrets (app secret, mailbox and SFTP passwords): from the environment (the key's variable,
 * e.g. QYX_PULL_MAIL_PASSWORD) or from a file readable by the service account alone (mode 600 or 400: a file that
 * its group or others may read is refused). Never logged: the run log and summary print {@link #fingerprint}.
 */
public final class Secrets {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private Secrets() {
    }

    /**
     * @param key   the configuration key, for the message (qyx.pull.mail.password)
     * @param value the value from the environment, or blank
     * @param file  a file holding it, or null
     * @return the secret, or null when neither is given
     */
    public static String read(String key, String value, Path file) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (file == null || file.toString().isBlank()) {
            return null;
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("The secret file " + file.toAbsolutePath() + " (" + key + "-file) is not there");
            }
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                open.retainAll(OTHERS);
                if (!open.isEmpty()) {
                    throw new IllegalStateException("The secret file " + file.toAbsolutePath() + " (" + key
                            + "-file) is readable or writable by others " + open + ": chmod 600 it, owned by the service account");
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret file " + file.toAbsolutePath(), e);
        }
    }

    /** What may be shown of a secret: the first 8 hex digits of its SHA-256 ("-" when there is none). */
    public static String fingerprint(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

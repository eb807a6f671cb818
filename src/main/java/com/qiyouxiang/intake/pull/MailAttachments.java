package com.qiyouxiang.intake.pull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;

/**
 * The usable attachments of a message: xlsx, xlsm, xls and csv files, and those inside a zip (unpacked in memory
 * within the limits: at most so many entries, each at most so large unpacked; an entry whose name climbs out of the
 * archive, "../" or an absolute path, refuses the whole message). Other attachments are counted and left.
 */
final class MailAttachments {

    /** One file to land: its own name (no folder) and bytes. */
    record Attachment(String name, byte[] bytes) {
    }

    /** A message that breaks a limit or carries a dangerous archive: quarantined with this Chinese reason. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private final MailPullSettings limits;
    final List<Attachment> usable = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();

    MailAttachments(MailPullSettings limits) {
        this.limits = limits;
    }

    static boolean usableName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls") || lower.endsWith(".csv");
    }

    void collect(Part part) throws MessagingException, IOException, Refused {
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                collect(child);
            }
            return;
        }
        String raw = part.getFileName();
        if (raw == null) {
            return; // the message's text
        }
        String name = baseName(MimeUtility.decodeText(raw));
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            unzip(name, part);
        } else if (usableName(name)) {
            add(name, read(part.getInputStream(), name));
        } else {
            ignored.add(name);
        }
    }

    private void unzip(String zipName, Part part) throws MessagingException, IOException, Refused {
        byte[] zip = read(part.getInputStream(), zipName);
        try {
            unzip(zipName, zip, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedName) { // a zip made on Chinese Windows: GBK names without the UTF-8 flag
            unzip(zipName, zip, Charset.forName("GB18030"));
        }
    }

    private void unzip(String zipName, byte[] zip, Charset names) throws IOException, Refused {
        List<Attachment> found = new ArrayList<>();
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), names)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > limits.maxZipEntries()) {
                    throw new Refused("压缩包“" + zipName + "”中的文件超过 " + limits.maxZipEntries() + " 个");
                }
                String entry = e.getName().replace('\\', '/');
                if (entry.startsWith("/") || entry.matches("^[A-Za-z]:.*") || List.of(entry.split("/")).contains("..")) {
                    throw new Refused("压缩包“" + zipName + "”中的“" + entry + "”指向压缩包以外的位置，整封邮件未收取");
                }
                if (e.isDirectory()) {
                    continue;
                }
                String name = baseName(entry);
                if (usableName(name) && !name.startsWith(".") && !name.startsWith("~$")) {
                    found.add(new Attachment(name, read(in, zipName + "/" + entry)));
                } else {
                    ignored.add(zipName + "/" + entry);
                }
            }
        }
        for (Attachment a : found) {
            add(a.name(), a.bytes());
        }
    }

    private void add(String name, byte[] bytes) throws Refused {
        if (usable.size() >= limits.maxAttachments()) {
            throw new Refused("附件超过 " + limits.maxAttachments() + " 个");
        }
        usable.add(new Attachment(name, bytes));
    }

    /** Reads at most the attachment limit; more refuses the message. */
    private byte[] read(InputStream in, String what) throws IOException, Refused {
        long max = limits.maxAttachmentSize().toBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw new Refused("附件“" + what + "”超过大小上限 " + (max >> 20) + " MB");
            }
        }
        return out.toByteArray();
    }

    /** The last part of a path, without control characters: a name the inbox can hold. */
    static String baseName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
        return n.isEmpty() ? "附件" : n;
    }
}

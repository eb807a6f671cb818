package com.qiyouxiang.intake.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The record-level exports (personal lists, hashed with the key) in a platform inbox, recognised by file name and
 * header as {@link PlatformInbox} recognises them, reading only each file's first line: the start-up check asks
 * it whether a run will need QYX_PLATFORM_HASH_KEY before anything is written.
 */
public final class RecordLevelExports {

    private static final int FIRST_LINE_BYTES = 1 << 16;

    private RecordLevelExports() {
    }

    /** The names of the record-level exports in the inbox (empty when it holds none, or does not exist). */
    public static List<String> in(Path inbox, Path sourcesDir) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        List<PlatformMapping> mappings = PlatformMapping.loadAll(sourcesDir).stream()
                .filter(m -> m.dataset().recordLevel()).toList();
        List<Path> files;
        try (Stream<Path> s = Files.list(inbox)) {
            files = s.filter(PlatformInbox::isPlatformExport).sorted().toList();
        }
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> header = header(file);
            String name = file.getFileName().toString();
            if (mappings.stream().anyMatch(m -> m.match(name, header) != null)) {
                found.add(name);
            }
        }
        return found;
    }

    /** The first line's fields, in UTF-8 (after a BOM) or GB18030; empty when neither decodes it. */
    static List<String> header(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(FIRST_LINE_BYTES);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int end = start;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        byte[] line = Arrays.copyOfRange(bytes, start, end);
        String text = decode(line, StandardCharsets.UTF_8);
        if (text == null) {
            text = decode(line, ExportFile.GB18030);
        }
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        char delimiter = text.indexOf('\t') >= 0 ? '\t' : ',';
        try (CSVParser p = CSVParser.parse(text, ExportFile.format(delimiter, (char) 34))) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

package com.qiyouxiang.intake.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A platform export as found in the inbox: its checksum, its encoding (detected, never assumed:
 * UTF-8 with or without BOM when the bytes decode as UTF-8, else GB18030, the superset of GBK,
 * when they decode as that), its delimiter (tab when the header line has tabs, else comma) and its
 * header. One streaming pass computes the checksum and checks UTF-8 over the first
 * {@value #SNIFF_BYTES} bytes (Chinese headers decide it on the first line; a GBK file is never valid
 * UTF-8 there); beyond that window an invalid byte in a "UTF-8" file is still caught, as a rejected
 * line by DuckDB's reader or as a failed file by the Java decoder, never loaded silently. A second
 * pass checks GB18030 only for files that are not UTF-8.
 *
 * @param charset       null when the bytes are neither valid UTF-8 nor valid GB18030
 * @param invalidUtf8At  the byte offset of the first byte that is not UTF-8 (within the first
 *                       {@value #SNIFF_BYTES} bytes), or -1
 */
public record ExportFile(Path path, String checksum, long size, Charset charset, boolean bom, char delimiter,
                         Character quote, int headerRow, List<String> header, long invalidUtf8At) {

    public static final Charset GB18030 = Charset.forName("GB18030");
    static final int SNIFF_BYTES = 8 << 20;

    public String name() {
        return path.getFileName().toString();
    }

    public boolean utf8() {
        return StandardCharsets.UTF_8.equals(charset);
    }

    /** How the encoding is written in the run summary and etl_file: UTF-8, UTF-8-BOM, GB18030. */
    public String encodingLabel() {
        return charset == null ? "unknown" : bom ? "UTF-8-BOM" : charset.name();
    }

    public static ExportFile scan(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StreamingCheck utf8 = new StreamingCheck(StandardCharsets.UTF_8);
        boolean bom = false;
        long size = 0;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            boolean first = true;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                int offset = 0;
                if (first) {
                    bom = n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF;
                    offset = bom ? 3 : 0;
                    utf8.base = offset;
                    first = false;
                }
                if (size < SNIFF_BYTES) {
                    utf8.feed(buffer, offset, n - offset);
                }
                size += n;
            }
        }
        Charset charset = (size <= SNIFF_BYTES ? utf8.finish() : !utf8.failed()) ? StandardCharsets.UTF_8 : null;
        if (charset == null) {
            StreamingCheck gb = new StreamingCheck(GB18030);
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0 && !gb.failed(); ) {
                    gb.feed(buffer, 0, n);
                }
            }
            charset = gb.finish() ? GB18030 : null;
        }
        String checksum = HexFormat.of().formatHex(digest.digest());
        if (charset == null) {
            return new ExportFile(path, checksum, size, null, false, ',', '"', 1, List.of(), utf8.errorAt);
        }
        String firstLine;
        try (BufferedReader r = reader(path, charset, bom)) {
            firstLine = r.readLine();
        }
        if (firstLine == null) {
            return new ExportFile(path, checksum, size, charset, bom, ',', '"', 1, List.of(), utf8.errorAt);
        }
        char delimiter = firstLine.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> header;
        try (CSVParser p = CSVParser.parse(firstLine, format(delimiter))) {
            List<CSVRecord> records = p.getRecords();
            header = records.isEmpty() ? List.of() : records.get(0).toList();
        }
        return new ExportFile(path, checksum, size, charset, bom, delimiter, '"', 1, header, utf8.errorAt);
    }

    /**
     * The export as a mapping's options read it ({@link PlatformOption}): its encoding, delimiter and quote where the
     * mapping names them, the header from the mapping's header row. The same file when the options are the defaults.
     */
    public ExportFile as(PlatformMapping.Options o) throws IOException {
        if (o.delimiter() == null && o.charset() == null && o.headerRow() == 1 && Character.valueOf('"').equals(o.quote())) {
            return this;
        }
        Charset cs = o.charset() != null ? o.charset() : charset;
        if (cs == null) {
            return this;
        }
        boolean withBom = bom && StandardCharsets.UTF_8.equals(cs);
        String line = null;
        try (BufferedReader r = reader(path, cs, withBom)) {
            for (int i = 0; i < o.headerRow(); i++) {
                line = r.readLine();
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            return new ExportFile(path, checksum, size, null, false, ',', o.quote(), o.headerRow(), List.of(), invalidUtf8At);
        }
        if (line == null) {
            return new ExportFile(path, checksum, size, cs, withBom, ',', o.quote(), o.headerRow(), List.of(), invalidUtf8At);
        }
        char d = o.delimiter() != null ? o.delimiter() : line.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> h;
        try (CSVParser p = CSVParser.parse(line, format(d, o.quote()))) {
            List<CSVRecord> records = p.getRecords();
            h = records.isEmpty() ? List.of() : records.get(0).toList();
        }
        return new ExportFile(path, checksum, size, cs, withBom, d, o.quote(), o.headerRow(), h, invalidUtf8At);
    }

    /** How the file is read: RFC 4180 with its delimiter and quote. */
    public CSVFormat format() {
        return format(delimiter, quote);
    }

    static CSVFormat format(char delimiter, Character quote) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote(quote).get();
    }

    /** The 1-based line of a byte offset (line feeds before it + 1). */
    public static long lineOf(Path path, long offset) throws IOException {
        long line = 1;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            long read = 0;
            for (int n; read < offset && (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n && read + i < offset; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                    }
                }
                read += n;
            }
        }
        return line;
    }

    /** RFC 4180 with the given delimiter; quoted fields may hold delimiters, quotes ("") and line breaks. */
    public static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }

    /** A reader of the text after any BOM. */
    public static BufferedReader reader(Path path, Charset charset, boolean bom) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (bom) {
            in.skipNBytes(3);
        }
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    /**
     * The file as UTF-8 for DuckDB's read_csv, which reads UTF-8 only (its encodings extension for GBK
     * cannot be installed offline): a UTF-8 file as it is; a GB18030 one transcoded, streaming, to a
     * temporary file that the caller deletes.
     */
    public Path utf8Copy(PlatformTempFiles temp) throws IOException {
        if (utf8()) {
            return path;
        }
        Path target = temp.create(".csv");
        try (Reader r = reader(path, charset, bom);
             Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            r.transferTo(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return target;
    }

    /** Decodes a byte stream chunk by chunk and remembers whether every byte was valid. */
    private static final class StreamingCheck {
        private final CharsetDecoder decoder;
        private final ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 16);
        private final CharBuffer out = CharBuffer.allocate(1 << 16);
        private boolean valid = true;
        /** The file offset of pending's first byte, and of the first invalid byte (-1: none yet). */
        long base;
        long errorAt = -1;

        StreamingCheck(Charset charset) {
            decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        void feed(byte[] bytes, int offset, int length) {
            if (!valid) {
                return;
            }
            pending.put(bytes, offset, length);
            pending.flip();
            decode(false);
            base += pending.position();
            pending.compact();
        }

        boolean failed() {
            return !valid;
        }

        /** Decodes what is left at the end of the stream; true when every byte was valid. */
        boolean finish() {
            if (valid && pending.position() > 0) {
                pending.flip();
                decode(true);
                pending.clear();
            }
            return valid;
        }

        private void decode(boolean end) {
            CoderResult r;
            do {
                out.clear();
                r = decoder.decode(pending, out, end);
            } while (r.isOverflow());
            if (r.isError() || (end && pending.hasRemaining())) {
                valid = false;
                errorAt = base + pending.position();
            }
        }
    }
}

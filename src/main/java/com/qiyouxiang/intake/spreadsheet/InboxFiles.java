package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The spreadsheets waiting in the inbox: .xlsx, .xlsm and .xls only (CSV files there are the
 * platform ingest's; Excel's ~$ lock files and hidden files are skipped), in reporting order: by
 * the period in the file name, then by name (so a 修改版 follows its original). Subfolders at any depth count.
 */
public final class InboxFiles {

    private InboxFiles() {
    }

    public static List<Path> list(Path inbox) {
        return list(inbox, null);
    }

    /** @param exclude a folder inside the inbox whose files are not bureau reports (the 情况说明 folder), or null */
    public static List<Path> list(Path inbox, Path exclude) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(inbox, Integer.MAX_VALUE)) {
            return files.filter(Files::isRegularFile).filter(InboxFiles::isSpreadsheet)
                    .filter(p -> skip == null || !p.toAbsolutePath().normalize().startsWith(skip))
                    .sorted(Comparator.comparing((Path p) -> sortablePeriod(p.getFileName().toString()))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox, e);
        }
    }

    /**
     * The other files of the inbox, which no ingest reads: neither spreadsheets nor platform exports
     * (.csv/.tsv/.txt, the platform ingest's), outside {@code exclude}; Excel lock files and hidden files
     * are no reports and are left out. Each is recorded as refused with its reason.
     */
    public static List<Path> others(Path inbox, Path exclude) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(inbox, Integer.MAX_VALUE)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("~$") && !p.getFileName().toString().startsWith("."))
                    .filter(p -> !isSpreadsheet(p) && !isPlatformExport(p))
                    .filter(p -> skip == null || !p.toAbsolutePath().normalize().startsWith(skip))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox, e);
        }
    }

    private static boolean isPlatformExport(Path p) {
        String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt");
    }

    static boolean isSpreadsheet(Path p) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith("~$") && !name.startsWith(".")
                && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls"));
    }

    private static String sortablePeriod(String name) {
        String p = PeriodParser.parse(name);
        return p == null ? "9999" : p.length() == 4 ? p + "Q5" : p;
    }
}

package com.qiyouxiang.warehouse;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * One file's budget while it is read ({@link FileLimits}): the readers call it for each row, cell and
 * element, and it throws {@link Exceeded} (a failed file with a Chinese reason naming the file) when a
 * limit is passed. The clock is read every {@value #CLOCK_EVERY} calls of {@link #tick()}.
 */
public final class FileBudget {

    private static final int CLOCK_EVERY = 1024;

    private final FileLimits limits;
    private final String fileName;
    private final long deadline;
    private int ticks;

    FileBudget(FileLimits limits, String fileName) {
        this.limits = limits;
        this.fileName = fileName;
        this.deadline = System.nanoTime() + limits.maxTime().toNanos();
    }

    /** A budget with the default limits (readers used outside an ingest: tests, tools). */
    public static FileBudget unlimited(String fileName) {
        return FileLimits.DEFAULTS.start(fileName);
    }

    public FileLimits limits() {
        return limits;
    }

    /** The file must not be larger on disk than {@code maxBytes}. */
    public void size(long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw exceeded("FILE_TOO_LARGE", "大小 " + mb(bytes) + " 超过允许的 " + mb(maxBytes));
        }
    }

    /** A row number (1-based) of a sheet. */
    public void row(String sheet, long rowNumber) {
        if (rowNumber > limits.maxRows()) {
            throw exceeded("TOO_MANY_ROWS", "工作表“" + sheet + "”的第 " + n(rowNumber) + " 行超出允许的最大行数 "
                    + n(limits.maxRows()) + "（Excel 的上限为 1,048,576 行），文件可能已损坏");
        }
        tick();
    }

    /** A column index (0-based) of a sheet. */
    public void column(String sheet, int column) {
        if (column >= limits.maxColumns()) {
            throw exceeded("TOO_MANY_COLUMNS", "工作表“" + sheet + "”的第 " + n(column + 1L) + " 列超出允许的最大列数 "
                    + n(limits.maxColumns()));
        }
    }

    /** The length of one cell's text (shared strings included). */
    public void cell(String where, long chars) {
        if (chars > limits.maxCellChars()) {
            throw exceeded("CELL_TOO_LONG", where + " 单元格的内容超过 " + n(limits.maxCellChars()) + " 个字符（Excel 的上限为 32,767 个）");
        }
    }

    /** The length of one field of a text export's line (line 1-based, field 1-based). */
    public void field(long line, int field, long chars) {
        if (chars > limits.maxCellChars()) {
            throw exceeded("CELL_TOO_LONG", "第 " + n(line) + " 行第 " + field + " 个字段超过 " + n(limits.maxCellChars())
                    + " 个字符，不像正常的导出数据");
        }
    }

    /** Checks the clock now and then. */
    public void tick() {
        if (++ticks % CLOCK_EVERY == 0) {
            checkTime();
        }
    }

    public void checkTime() {
        if (System.nanoTime() > deadline) {
            throw exceeded("READ_TIMEOUT", "读取时间超过允许的 " + limits.maxTime().toSeconds() + " 秒");
        }
    }

    private Exceeded exceeded(String reasonCode, String what) {
        return new Exceeded(new FileRefusal(FileStatus.FAILED, reasonCode, "文件“" + fileName + "”" + what
                + "，为保护夜间处理已停止读取该文件（其他文件照常处理）：请检查后另存为新的文件重新报送"));
    }

    private static String n(long v) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(v);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** A file over its budget: the refusal it is recorded with. */
    public static final class Exceeded extends RuntimeException {
        private final transient FileRefusal refusal;

        Exceeded(FileRefusal refusal) {
            super(refusal.reasonCode() + ": " + refusal.reasonZh());
            this.refusal = refusal;
        }

        public FileRefusal refusal() {
            return refusal;
        }
    }
}

package com.qiyouxiang.warehouse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Why a file in the inbox cannot be read, as the clerk and the bureau read it (Chinese, no product
 * paths or library messages; the English detail belongs in the log), with its etl_file status and
 * etl_reject reason code.
 */
public record FileRefusal(FileStatus status, String reasonCode, String reasonZh) {

    public static final FileRefusal EMPTY = new FileRefusal(FileStatus.FAILED, "EMPTY_FILE",
            "空文件（0 字节），请重新报送");
    public static final FileRefusal ENCRYPTED = new FileRefusal(FileStatus.FAILED, "ENCRYPTED_FILE",
            "加密文件，请去除密码后重新报送");
    public static final FileRefusal DAMAGED = new FileRefusal(FileStatus.FAILED, "DAMAGED_FILE",
            "文件已损坏或不完整，请重新导出或另存后重新报送");
    public static final FileRefusal NOT_A_DATA_FILE = new FileRefusal(FileStatus.UNRECOGNISED, "NOT_A_DATA_FILE",
            "不是可读取的表格或数据文件（只接收 Excel 工作簿 .xlsx/.xls 和数据平台导出 .csv/.tsv/.txt），请另存为 Excel 工作簿后重新报送");
    public static final FileRefusal UNREADABLE = new FileRefusal(FileStatus.FAILED, "UNREADABLE_FILE",
            "文件无法读取，请用 Excel 或 WPS 打开检查后另存为 .xlsx 重新报送");

    /** What can be told before any reader opens the file: empty or encrypted; null when neither. */
    public static FileRefusal inspect(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return EMPTY;
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OLE2) {
            // an encrypted .xlsx is an OLE2 container holding EncryptionInfo and EncryptedPackage
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                    return ENCRYPTED;
                }
            } catch (IOException | RuntimeException e) {
                return DAMAGED;
            }
        }
        return null;
    }

    /**
     * What a reader threw that no known reason covers, as the reason of a failed file: over its budget
     * ({@link FileBudget.Exceeded}), out of memory, nested too deep, or any other error; null for an ordinary
     * exception (see {@link #of}).
     */
    public static FileRefusal failed(Throwable e, String fileName) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileBudget.Exceeded exceeded) {
                return exceeded.refusal();
            }
        }
        if (e instanceof OutOfMemoryError) {
            return new FileRefusal(FileStatus.FAILED, "OUT_OF_MEMORY", "文件“" + fileName
                    + "”读取时所需内存超出处理程序的上限（文件可能异常膨胀或已损坏），已停止读取该文件（其他文件照常处理）：请检查后另存为新的文件重新报送");
        }
        if (e instanceof StackOverflowError) {
            return new FileRefusal(FileStatus.FAILED, "TOO_DEEPLY_NESTED", "文件“" + fileName
                    + "”的内部结构嵌套过深，无法读取（文件可能已损坏），已停止读取该文件：请检查后另存为新的文件重新报送");
        }
        if (e instanceof Error) {
            return new FileRefusal(FileStatus.FAILED, "READ_ERROR", "读取文件“" + fileName
                    + "”时处理程序出错，已停止读取该文件（其他文件照常处理）：请用 Excel 或 WPS 打开检查后另存为新的文件重新报送");
        }
        return null;
    }

    /** A reader's exception as a reason; null when it is none of the known kinds of unreadable file. */
    public static FileRefusal of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return ENCRYPTED;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof ZipException || t instanceof EOFException || message.contains("truncated")
                    || message.contains("corrupt") || message.contains("unexpected end")) {
                return DAMAGED;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return null;
    }
}

package com.qiyouxiang.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The files bureaus really send by mistake, made in a test's inbox: a PDF, a Word file, an unknown CSV,
 * an empty workbook, a password-protected workbook, a PDF in 情况说明/, an export with a byte that is
 * neither UTF-8 nor GBK. {@link #REASONS} gives the Chinese reason each must be recorded with.
 */
final class MistakenFiles {

    static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("建设局2026年第三季度分镇街报表.pdf", "不是可读取的表格或数据文件");
        REASONS.put("民政局2026年第三季度工作总结.docx", "不是可读取的表格或数据文件");
        REASONS.put("某系统导出_2026Q3.csv", "无法识别的数据导出");
        REASONS.put("医保局2026年第三季度指标报表（空）.xlsx", "空文件（0 字节）");
        REASONS.put("残联2026年第三季度指标报送（加密）.xlsx", "加密文件，请去除密码后重新报送");
        REASONS.put("建设局情况说明.pdf", "不是可读取的表格或数据文件");
        REASONS.put("平台_指标数据_损坏.csv", "第 3 行（字节偏移 92）");
    }

    private MistakenFiles() {
    }

    /** @param workbook any real .xlsx, of which an encrypted copy is made */
    static void drop(Path inbox, Path workbook) throws Exception {
        Files.createDirectories(inbox.resolve("情况说明"));
        Files.write(inbox.resolve("建设局2026年第三季度分镇街报表.pdf"), "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(inbox.resolve("民政局2026年第三季度工作总结.docx")))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(inbox.resolve("某系统导出_2026Q3.csv"), "编号,名称,数值\n1,甲,3\n2,乙,4\n", StandardCharsets.UTF_8);
        Files.createFile(inbox.resolve("医保局2026年第三季度指标报表（空）.xlsx"));
        encrypt(workbook, inbox.resolve("残联2026年第三季度指标报送（加密）.xlsx"));
        Files.write(inbox.resolve("情况说明/建设局情况说明.pdf"), "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write("指标编码,行政区划代码,统计期,指标值\nH01,330681,2026Q3,4.1\nH02,330681,2026Q3,".getBytes(StandardCharsets.UTF_8));
        bad.write(0xFF); // neither UTF-8 nor GB18030, at byte offset 92 of line 3
        bad.write("60\n".getBytes(StandardCharsets.UTF_8));
        Files.write(inbox.resolve("平台_指标数据_损坏.csv"), bad.toByteArray());
    }

    /** A password-protected copy of a workbook (Excel's "Encrypt with password": agile encryption). */
    static void encrypt(Path plain, Path target) throws IOException, java.security.GeneralSecurityException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                Files.copy(plain, os); // the workbook's package, as it is, inside the encrypted container
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
        }
    }
}

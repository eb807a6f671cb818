package com.qiyouxiang.warehouse;

import java.time.Duration;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The budget every inbox file is read under (qyx.file-limits.*): a file over any of these limits ends as
 * {@code failed} with a Chinese reason naming the file and the limit, and the run goes on. Workbooks
 * (bureau reports and 情况说明 workbooks) are held to all of them; platform exports to their own size limit;
 * an indicator export also to the time limit and to maxCellChars for each field of a line, a record-level
 * export (read by DuckDB) to the line size DuckDB's reader allows.
 *
 * @param maxBytes             a workbook or 情况说明 file larger than this on disk is not opened
 * @param exportMaxBytes       a platform export (.csv/.tsv/.txt) larger than this is not read
 * @param maxRows              rows of a sheet (Excel's own limit is 1,048,576): a row numbered above it ends the file,
 *                             so a row written as r="2000000000" costs nothing
 * @param maxColumns           columns of a sheet (Excel's own limit is 16,384)
 * @param maxCellChars         characters in one cell, shared strings included (Excel's own limit is 32,767)
 * @param maxUncompressedBytes the largest part of an .xlsx once inflated (POI's ZipSecureFile max entry size); POI's
 *                             compression-ratio guard stays on as well, this catches a zip bomb padded to pass it
 * @param maxTime              the time one file may take to read (checked as its rows and cells are read)
 */
@ConfigurationProperties("qyx.file-limits")
public record FileLimits(@DefaultValue("200MB") DataSize maxBytes, @DefaultValue("20GB") DataSize exportMaxBytes,
                         @DefaultValue("1048576") int maxRows, @DefaultValue("16384") int maxColumns,
                         @DefaultValue("32767") int maxCellChars, @DefaultValue("512MB") DataSize maxUncompressedBytes,
                         @DefaultValue("10m") Duration maxTime) {

    public static final FileLimits DEFAULTS = new FileLimits(DataSize.ofMegabytes(200), DataSize.ofGigabytes(20), 1_048_576,
            16_384, 32_767, DataSize.ofMegabytes(512), Duration.ofMinutes(10));

    /**
     * Sets POI's own guards, process-wide, to these limits: the largest inflated part (ZipSecureFile max entry
     * size), the largest byte array POI allocates for one record or part (IOUtils), and the compression-ratio
     * guard at POI's default.
     */
    public void guardPoi() {
        ZipSecureFile.setMaxEntrySize(maxUncompressedBytes.toBytes());
        ZipSecureFile.setMinInflateRatio(0.01d);
        IOUtils.setByteArrayMaxOverride((int) Math.min(Integer.MAX_VALUE - 8, maxBytes.toBytes()));
    }

    /** The budget of one file, from now. */
    public FileBudget start(String fileName) {
        return new FileBudget(this, fileName);
    }
}

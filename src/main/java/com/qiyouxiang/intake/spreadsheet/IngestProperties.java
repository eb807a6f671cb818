package com.qiyouxiang.intake.spreadsheet;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the spreadsheet ingest reads and writes (application.yml, qyx.*).
 *
 * @param inboxDir    the inbox of bureau spreadsheets (qyx.inbox-dir); CSV files there belong to the platform ingest
 * @param archiveDir  processed files, by date: archive-dir/2026-11-29/name.xlsx (qyx.archive-dir)
 * @param feedbackDir 退回修改 workbooks for files with rejected cells, by date (qyx.feedback-dir)
 * @param ingest      the spreadsheet ingest's own settings (qyx.ingest.*)
 */
@ConfigurationProperties("qyx")
public record IngestProperties(@DefaultValue("samples/inbox") Path inboxDir, @DefaultValue("archive") Path archiveDir,
                               @DefaultValue("out/feedback") Path feedbackDir, @DefaultValue Ingest ingest) {

    /**
     * @param sourcesDir  the template mappings, one YAML file per bureau template (qyx.ingest.sources-dir)
     * @param archiveMode copy (default: the inbox keeps its files) or move; files are never deleted
     * @param chunkSize   figures checked and appended per chunk: bounds memory for large files
     * @param feedbackMaxMarks at most this many bad cells are highlighted with a comment in a feedback workbook
     *                    (comments are held in memory while the workbook is written); the 反馈说明 sheet lists up
     *                    to 10 times as many
     * @param feedbackOnePageRows a sheet of a feedback workbook of at most this many rows is shrunk to print on one
     *                    A4 page (portrait or landscape, whichever prints it larger), a longer one runs down the pages
     *                    at the page's width; when 反馈说明 with its 数据清单 would be longer, the 数据清单 gets a sheet
     *                    of its own, its header repeated on every page. 80 rows on a page print at about 60 % of their
     *                    size (Chinese text about 6 pt), 100 at about 45 %: raise it for fewer pages, lower it for larger print
     */
    public record Ingest(@DefaultValue("jobs/sources/spreadsheets") Path sourcesDir, @DefaultValue("copy") ArchiveMode archiveMode,
                         @DefaultValue("5000") int chunkSize, @DefaultValue("1000") int feedbackMaxMarks,
                         @DefaultValue("80") int feedbackOnePageRows) {
    }

    public enum ArchiveMode { COPY, MOVE }
}

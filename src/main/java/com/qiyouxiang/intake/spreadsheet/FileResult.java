package com.qiyouxiang.intake.spreadsheet;

import java.nio.file.Path;
import java.util.List;

import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.FileStatus;

/**
 * What became of one inbox file: its status and message, and for a loaded file what it brought ({@link Load}) and
 * its feedback workbook if one was written.
 *
 * @param status   loaded / loaded_with_rejects / unchanged (same checksum loaded before) / unrecognised / failed
 * @param fileId   its etl_file row (for an unchanged file, the earlier one)
 * @param load     what a loaded file brought; null when it was not loaded
 * @param feedback the feedback workbook written for it, or null
 * @param feedbackFailure why its feedback workbook could not be written (a full disk): the next run writes it; else null
 */
public record FileResult(Path file, FileStatus status, Long fileId, String message, Load load, Path feedback,
                         String feedbackFailure) {

    /**
     * What a loaded file brought.
     *
     * @param changes figures new or changed by this file (changes of earlier values have oldValue set)
     * @param notes   核实性/提示性 findings on loaded figures (first ones)
     */
    public record Load(String mappingId, String bureauCode, String period, int revision, String counts,
                       List<FactWriter.Change> changes, List<String> notes, long notedCount) {
    }

    /** A file loaded (with or without rejects), before its feedback workbook is written. */
    static FileResult loaded(Path file, FileStatus status, long fileId, String message, Load load) {
        return new FileResult(file, status, fileId, message, load, null, null);
    }

    /** A file not loaded: unchanged since it was loaded before, unrecognised or failed. */
    static FileResult notLoaded(Path file, FileStatus status, Long fileId, String message) {
        return new FileResult(file, status, fileId, message, null, null, null);
    }

    FileResult withFeedback(Path feedback) {
        return new FileResult(file, status, fileId, message, load, feedback, feedbackFailure);
    }

    FileResult withFeedbackFailure(String why) {
        return new FileResult(file, status, fileId, message, load, feedback, why);
    }

    public boolean loaded() {
        return status.isLoaded();
    }
}

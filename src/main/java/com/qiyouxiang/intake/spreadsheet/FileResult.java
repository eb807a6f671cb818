package com.qiyouxiang.intake.spreadsheet;

import java.nio.file.Path;
import java.util.List;

import com.qiyouxiang.warehouse.FactWriter;

/**
 * What became of one inbox file.
 *
 * @param status  loaded / loaded_with_rejects / unchanged (same checksum loaded before) / unrecognised / failed
 * @param changes figures new or changed by this file (changes of earlier values have oldValue set)
 * @param notes   核实性/提示性 findings on loaded figures (first ones)
 */
public record FileResult(Path file, String status, Long fileId, String mappingId, String bureauCode, String period,
                         Integer revision, String counts, long rejected, String message,
                         List<FactWriter.Change> changes, List<String> notes, long notedCount, Path feedback) {

    static FileResult of(Path file, String status, Long fileId, String message) {
        return new FileResult(file, status, fileId, null, null, null, null, null, 0, message, List.of(), List.of(), 0, null);
    }

    public boolean loaded() {
        return status.startsWith("loaded");
    }
}

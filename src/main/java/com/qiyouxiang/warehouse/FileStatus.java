package com.qiyouxiang.warehouse;

import java.util.Arrays;

/**
 * What became of a file received (etl_file.status, stored as {@link #dbValue()}).
 */
public enum FileStatus {

    /** Being read: committed on its own before the read ({@link ReadingMarks}), deleted when the read ends. */
    PROCESSING("processing"),
    /** Loaded, nothing rejected. */
    LOADED("loaded"),
    /** Loaded, some rows or cells rejected (etl_reject). */
    LOADED_WITH_REJECTS("loaded_with_rejects"),
    /** The same content was loaded before: nothing done (reported for the run, not stored). */
    UNCHANGED("unchanged"),
    /** It fits no template or mapping: left in the inbox with the reason. */
    UNRECOGNISED("unrecognised"),
    /** It could not be read (not a workbook, a zip bomb, ...): left in the inbox with the reason. */
    FAILED("failed"),
    /** A run died while reading it: moved to the quarantine folder, never read again by itself ({@link Quarantine}). */
    QUARANTINED("quarantined");

    private final String dbValue;

    FileStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value in etl_file.status. */
    public String dbValue() {
        return dbValue;
    }

    /** {@link #LOADED}, or {@link #LOADED_WITH_REJECTS} when anything was rejected. */
    public static FileStatus loaded(long rowsRejected) {
        return rowsRejected > 0 ? LOADED_WITH_REJECTS : LOADED;
    }

    public boolean isLoaded() {
        return this == LOADED || this == LOADED_WITH_REJECTS;
    }

    /** The status stored as {@code dbValue}. */
    public static FileStatus of(String dbValue) {
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(dbValue)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown file status '" + dbValue + "'"));
    }

    @Override
    public String toString() {
        return dbValue;
    }
}

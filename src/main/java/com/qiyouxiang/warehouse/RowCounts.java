package com.qiyouxiang.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What became of every row read from one file: loaded, rejected (with a reason in etl_reject) or
 * ignored by category (title, header, total, blank, footnote, ...). Rows read must reconcile.
 */
public final class RowCounts {

    private long read;
    private long loaded;
    private long rejected;
    private final Map<String, Long> ignored = new LinkedHashMap<>();

    public void read() {
        read++;
    }

    public void loaded() {
        loaded++;
    }

    public void rejected() {
        rejected++;
    }

    public void ignored(String category) {
        ignored.merge(category, 1L, Long::sum);
    }

    public long rowsRead() {
        return read;
    }

    public long rowsLoaded() {
        return loaded;
    }

    public long rowsRejected() {
        return rejected;
    }

    public long rowsIgnored() {
        return ignored.values().stream().mapToLong(Long::longValue).sum();
    }

    /** e.g. "title=1, header=2, blank=3" */
    public String ignoredDetail() {
        return ignored.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    public boolean reconciles() {
        return read == loaded + rejected + rowsIgnored();
    }

    @Override
    public String toString() {
        return "read " + read + " = loaded " + loaded + " + rejected " + rejected + " + ignored " + rowsIgnored()
                + (ignored.isEmpty() ? "" : " (" + ignoredDetail() + ")");
    }
}

package com.qiyouxiang.intake.spreadsheet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;

import com.qiyouxiang.validation.Candidate;
import com.qiyouxiang.validation.Finding;
import com.qiyouxiang.validation.RuleResults;
import com.qiyouxiang.validation.Tier;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * One file's way into the warehouse, inside the file's transaction: every record read ends up
 * counted as ignored (by category), rejected (etl_reject) or a candidate; candidates are checked by
 * {@link ValueRules} a chunk at a time (MANDATORY findings reject, the rest load and are noted) and
 * appended to stg_fact. Memory stays bounded whatever the file's size: chunks of candidates and
 * rejects are flushed, only the keys seen (indicator x town x period) are kept for duplicates.
 * <p>
 * A dry run ({@code jobs/run check}) is the same load with an {@link Observer}: every outcome goes to it and
 * nothing is written to the warehouse (no rejects, no rule results, no staged facts).
 */
final class FileLoad {

    static final String SOURCE_KIND = "spreadsheet";

    private final Connection c;
    private final ValueRules rules;
    private final long fileId;
    private final String fileName;
    private final Candidate.Source source;
    private final Long jobExecutionId;
    private final int chunkSize;
    private final RowCounts counts = new RowCounts();
    private final List<Reject> rejects = new ArrayList<>();
    private final List<Candidate> pending = new ArrayList<>();
    private final Map<String, String> seen = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long noted;
    private final Observer observer;

    /** What a dry run is told of each record; the load then writes nothing. */
    interface Observer {
        /** The header as resolved: one line per column used (column letter, header text, what it is). */
        void header(String sheet, List<String> columns);

        void ignored(String sheet, long row, String category);

        void rejected(Reject reject);

        /** A figure that would load, with the 核实性/提示性 findings it would raise. */
        void loaded(Candidate candidate, List<Finding> findings);
    }

    FileLoad(Connection c, ValueRules rules, long fileId, String fileName, String bureauCode, Long jobExecutionId,
             int chunkSize) throws SQLException {
        this(c, rules, fileId, fileName, bureauCode, jobExecutionId, chunkSize, null);
    }

    /** @param observer null for a real load; else a dry run that writes nothing */
    FileLoad(Connection c, ValueRules rules, long fileId, String fileName, String bureauCode, Long jobExecutionId,
             int chunkSize, Observer observer) throws SQLException {
        this.observer = observer;
        this.c = c;
        this.rules = rules;
        this.fileId = fileId;
        this.fileName = fileName;
        this.source = new Candidate.Source(SOURCE_KIND, bureauCode, fileId, fileName);
        this.jobExecutionId = jobExecutionId;
        this.chunkSize = chunkSize;
        Warehouse.runScript(c, "statements/facts/stg_fact.sql");
    }

    RowCounts counts() {
        return counts;
    }

    /** 核实性/提示性 findings of loaded figures, for the run summary. */
    List<String> notes() {
        return notes;
    }

    long notedCount() {
        return noted;
    }

    void ignored(String sheet, long row, String category) {
        counts.read();
        counts.ignored(category);
        if (observer != null) {
            observer.ignored(sheet, row, category);
        }
    }

    void header(String sheet, List<String> columns) {
        if (observer != null) {
            observer.header(sheet, columns);
        }
    }

    void reject(String sheet, long row, String cell, String raw, String reasonCode, String messageZh) throws SQLException {
        counts.read();
        counts.rejected();
        addReject(new Reject(sheet, row, cell == null ? null : sheet + "!" + cell, raw, reasonCode, messageZh));
    }

    private void addReject(Reject r) throws SQLException {
        if (observer != null) {
            observer.rejected(r);
            return;
        }
        rejects.add(r);
        if (rejects.size() >= chunkSize) {
            flushRejects();
        }
    }

    /** @param quarterValue a cumulative figure's 本季 (its own quarter) when the template reports it, else null */
    void candidate(Observation o, String sheet, long row, String cell, String raw, String remark, boolean cityTotal,
                   Double quarterValue) throws SQLException {
        String key = o.indicatorCode() + "|" + o.townCode() + "|" + o.periodCode();
        String first = seen.putIfAbsent(key, sheet + "!" + cell);
        if (first != null) {
            reject(sheet, row, cell, raw, "DUPLICATE", "同一指标、镇街、报告期在本文件中重复填报（已在 " + first
                    + " 填报），请删除重复的行或列");
            return;
        }
        pending.add(new Candidate(o, source, sheet, row, sheet + "!" + cell, raw, remark, cityTotal, quarterValue));
        if (pending.size() >= chunkSize) {
            check();
        }
    }

    void finish() throws SQLException {
        check();
        flushRejects();
    }

    private void check() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<Candidate, List<Finding>> byCandidate = new IdentityHashMap<>();
        List<Finding> checked = rules.check(c, pending);
        if (observer == null) {
            RuleResults.record(c, checked, jobExecutionId);
        }
        for (Finding f : checked) {
            byCandidate.computeIfAbsent(f.candidate(), k -> new ArrayList<>()).add(f);
        }
        List<Observation> accepted = new ArrayList<>(pending.size());
        for (Candidate cand : pending) {
            List<Finding> findings = byCandidate.getOrDefault(cand, List.of());
            List<Finding> mandatory = findings.stream().filter(f -> f.tier() == Tier.MANDATORY).toList();
            if (!mandatory.isEmpty()) {
                counts.read();
                counts.rejected();
                addReject(new Reject(cand.sheetName(), cand.rowNumber(), cand.location(), cand.rawText(),
                        mandatory.get(0).reasonCode(), String.join("；", mandatory.stream().map(Finding::messageZh).toList())));
                continue;
            }
            counts.read();
            counts.loaded();
            if (observer != null) {
                observer.loaded(cand, findings);
            }
            accepted.add(cand.observation().withSource(
                    Observation.Source.cell(cand.sheetName(), cand.rowNumber(), cand.location())));
            for (Finding f : findings) {
                noted++;
                if (notes.size() < 50) {
                    notes.add(f.tier().zh() + " " + cand.location() + " " + cand.observation().indicatorCode() + " "
                            + cand.observation().townCode() + " " + cand.observation().periodCode() + ": " + f.messageZh());
                }
            }
        }
        pending.clear();
        if (!accepted.isEmpty() && observer == null) {
            try (DuckDBAppender a = Warehouse.appender(c, "stg_fact")) {
                for (Observation o : accepted) {
                    FactWriter.appendRow(a, o);
                }
            }
        }
        if (rejects.size() >= chunkSize) {
            flushRejects();
        }
    }

    private void flushRejects() throws SQLException {
        if (!rejects.isEmpty()) {
            FileRegistry.reject(c, fileId, fileName, jobExecutionId, rejects);
            rejects.clear();
        }
    }
}

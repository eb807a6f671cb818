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

    FileLoad(Connection c, ValueRules rules, long fileId, String fileName, String bureauCode, Long jobExecutionId,
             int chunkSize) throws SQLException {
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

    void ignored(String category) {
        counts.read();
        counts.ignored(category);
    }

    void reject(String sheet, long row, String cell, String raw, String reasonCode, String messageZh) throws SQLException {
        counts.read();
        counts.rejected();
        rejects.add(new Reject(sheet, row, cell == null ? null : sheet + "!" + cell, raw, reasonCode, messageZh));
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
        RuleResults.record(c, checked, jobExecutionId);
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
                rejects.add(new Reject(cand.sheetName(), cand.rowNumber(), cand.location(), cand.rawText(),
                        mandatory.get(0).reasonCode(), String.join("；", mandatory.stream().map(Finding::messageZh).toList())));
                continue;
            }
            counts.read();
            counts.loaded();
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
        if (!accepted.isEmpty()) {
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

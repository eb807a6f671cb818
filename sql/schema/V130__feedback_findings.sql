-- V130: which feedback workbook (反馈表) first told a bureau about each 核实性 / 提示性 finding on its spreadsheet
-- files: the workbook written when the file loaded (kind 'load', recorded in the file's own transaction), or a
-- supplementary workbook (补充反馈表, kind 'later') for a finding made after the file loaded (the cross-source pass
-- after the platform derivation). One row per finding: a finding is told once; a workbook is every row with its
-- day and name (the file qyx.feedback-dir/<workbook_day>/<workbook_name>).

CREATE TABLE etl_feedback_finding (
    rule_result_id   BIGINT PRIMARY KEY,    -- fct_rule_result
    file_id          BIGINT NOT NULL,       -- the spreadsheet file (etl_file) the finding is on
    workbook_day     DATE NOT NULL,         -- the feedback folder's day
    workbook_name    VARCHAR NOT NULL,      -- e.g. 民政局2024年三季度养老护理员分镇街_数据核实（补充）.xlsx
    kind             VARCHAR NOT NULL,      -- load / later
    recorded_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    job_execution_id BIGINT
);

-- A warehouse made before: the findings made while a file loaded (in its transaction, so at its processed_at) were
-- in the workbook written then, named and placed as the ingest names them. Findings made later are left untold:
-- the next run writes their supplementary workbook.
INSERT INTO etl_feedback_finding (rule_result_id, file_id, workbook_day, workbook_name, kind, job_execution_id)
SELECT r.rule_result_id, r.file_id, CAST(f.processed_at AS DATE),
       regexp_replace(f.file_name, '\.(xlsx|xlsm|xls)$', '')
           || CASE WHEN f.rows_rejected > 0 THEN '_退回修改.xlsx' ELSE '_数据核实.xlsx' END,
       'load', f.job_execution_id
FROM fct_rule_result r
JOIN etl_file f ON f.file_id = r.file_id
WHERE f.source_kind = 'spreadsheet' AND f.status IN ('loaded', 'loaded_with_rejects')
  AND r.tier IN ('核实性', '提示性') AND r.created_at <= f.processed_at;

COMMENT ON TABLE etl_feedback_finding IS '反馈表告知的审核发现：部门报表的每条核实性、提示性结果一行，记录首次告知报送单位的反馈表（入库时的反馈表，或入库后新发现问题时的补充反馈表）；同一结果只告知一次';
COMMENT ON COLUMN etl_feedback_finding.rule_result_id IS '审核结果编号（fct_rule_result）';
COMMENT ON COLUMN etl_feedback_finding.file_id IS '报表文件编号（etl_file）';
COMMENT ON COLUMN etl_feedback_finding.workbook_day IS '反馈表所在日期文件夹（反馈表目录下的 年-月-日）';
COMMENT ON COLUMN etl_feedback_finding.workbook_name IS '反馈表文件名';
COMMENT ON COLUMN etl_feedback_finding.kind IS '反馈表类别：load 入库时的反馈表 / later 入库后的补充反馈表';
COMMENT ON COLUMN etl_feedback_finding.recorded_at IS '记录时间';
COMMENT ON COLUMN etl_feedback_finding.job_execution_id IS '运行编号';

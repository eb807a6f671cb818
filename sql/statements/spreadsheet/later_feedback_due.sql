-- The findings on the bureaus' loaded spreadsheet files that no feedback workbook has told yet (etl_feedback_finding)
-- and that are still open: a 核实性 finding still 待核实, or a 提示性 one, on a figure the file still holds (the current
-- fact of its key from that file, with the value judged: a figure revised since by a later file is that file's
-- business). They were made after the file loaded (the cross-source pass after the platform derivation). One row per
-- finding, by file, with the file's supplementary workbooks recorded before (the next one is numbered after them).
SELECT f.file_id, f.file_name, f.checksum_sha256, f.path, CAST(f.processed_at AS DATE) AS processed_day,
       r.rule_result_id,
       (SELECT count(DISTINCT x.workbook_name) FROM etl_feedback_finding x
        WHERE x.file_id = f.file_id AND x.kind = 'later') AS supplements_before
FROM fct_rule_result r
JOIN etl_file f ON f.file_id = r.file_id
WHERE f.source_kind = 'spreadsheet' AND f.status IN ('loaded', 'loaded_with_rejects')
  AND (r.tier = '提示性' OR (r.tier = '核实性' AND r.review_state = '待核实'))
  AND NOT EXISTS (SELECT 1 FROM etl_feedback_finding x WHERE x.rule_result_id = r.rule_result_id)
  AND EXISTS (SELECT 1 FROM fct_indicator_value v
              WHERE v.is_current AND v.file_id = r.file_id AND v.indicator_code = r.indicator_code
                AND v.town_code = r.town_code AND v.period_code = r.period_code AND v.value IS NOT DISTINCT FROM r.value)
ORDER BY f.file_id, r.rule_result_id;

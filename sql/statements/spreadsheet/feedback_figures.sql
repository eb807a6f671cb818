-- Every figure of a file with its outcome, for the feedback workbook's sheet 数据清单 (the first ${max_rows}), so a
-- bureau sees what was accepted too: each loaded figure (已入库; 待核实 / 已说明 when a 核实性 rule flagged it; 已被更正
-- when a later file revised it) and each rejected cell (已退回, with the reason in words), in the order of the sheet.
-- Needs statements/warehouse/display_macros.sql on the same connection.
SELECT sheet_name, row_number, cell_ref, indicator_name, town_name, period_zh, value_text, outcome, message_zh
FROM (
    SELECT f.source_sheet AS sheet_name, f.source_row AS row_number,
           regexp_replace(coalesce(f.source_cell, ''), '^.*!', '') AS cell_ref,
           i.indicator_name, coalesce(t.town_name, f.town_code) AS town_name, coalesce(p.label_zh, f.period_code) AS period_zh,
           qyx_value_zh(f.value, i.unit, i.indicator_name) AS value_text, -- as the report writes it (95.8%, not 95.83333333)
           CASE WHEN NOT f.is_current THEN '已入库，已被后来的报送更正'
                WHEN f.review_state = '待核实' THEN '已入库，待核实'
                WHEN f.review_state = '已说明' THEN '已入库，已说明'
                ELSE '已入库' END AS outcome,
           '' AS message_zh
    FROM fct_indicator_value f
    LEFT JOIN dim_indicator i ON i.indicator_code = f.indicator_code AND i.is_current
    LEFT JOIN dim_town t ON t.town_code = f.town_code
    LEFT JOIN dim_period p ON p.period_code = f.period_code
    WHERE f.file_id = ${file_id}
    UNION ALL
    SELECT sheet_name, row_number, regexp_replace(coalesce(cell_ref, ''), '^.*!', ''), NULL, NULL, NULL,
           coalesce(raw_value, ''), '已退回', message_zh
    FROM etl_reject
    WHERE file_id = ${file_id}
)
ORDER BY sheet_name, row_number, length(cell_ref), cell_ref
LIMIT ${max_rows};

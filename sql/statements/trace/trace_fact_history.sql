-- trace: every revision of every source of the figure ${indicator} x ${town} x ${period}, oldest first,
-- with where each was read (file, sheet!cell or line, or the query and its records) and its review state.
SELECT f.value_id, f.source_kind, f.revision, f.is_current, f.value, f.numerator, f.denominator, f.obs_status,
       coalesce(e.file_name, f.source_file) AS file_name, f.source_sheet, f.source_row, f.source_cell, f.source_line,
       f.derived_query, f.derived_inputs, f.loaded_at, f.review_state, f.review_note, f.review_source
FROM fct_indicator_value f
LEFT JOIN etl_file e USING (file_id)
WHERE f.indicator_code = ${indicator} AND f.town_code = ${town} AND f.period_code = ${period}
ORDER BY CASE f.source_kind WHEN 'spreadsheet' THEN 1 WHEN 'platform' THEN 2 WHEN 'derived' THEN 3 ELSE 4 END,
         f.revision

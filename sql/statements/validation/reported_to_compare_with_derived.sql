-- The bureaus' current spreadsheet figures that now have a figure derived from platform records for
-- the same indicator × town × period, and were never judged against that derived figure: the
-- R-CROSS-SOURCE check at load time only sees derived figures already there, so this runs again
-- after each derivation (a spreadsheet usually arrives before the platform export it is compared with,
-- or in the same night). Judged once per spreadsheet file and derived value: a re-run finds nothing new. With where
-- the figure is in its file (sheet, row, cell), so the finding points the bureau at the cell like one made at load.
SELECT r.indicator_code, r.town_code, r.period_code, r.value, r.numerator, r.denominator,
       r.bureau_code, r.file_id, r.source_file, r.source_sheet, r.source_row, r.source_cell
FROM fct_indicator_value r
JOIN fct_indicator_value d ON d.is_current AND d.source_kind = 'derived' AND d.indicator_code = r.indicator_code
                          AND d.town_code = r.town_code AND d.period_code = r.period_code
WHERE r.is_current AND r.source_kind = 'spreadsheet' AND r.value IS NOT NULL AND d.value IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM fct_rule_result x
                  WHERE x.rule_kind = 'cross-source' AND x.indicator_code = r.indicator_code
                    AND x.town_code = r.town_code AND x.period_code = r.period_code
                    AND x.file_id IS NOT DISTINCT FROM r.file_id AND x.compared_value = d.value)
ORDER BY r.indicator_code, r.period_code, r.town_code

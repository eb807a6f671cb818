-- trace: the mart row of indicator ${indicator} for quarter ${quarter} (mart_indicator_quarter), with the
-- previous year's target (P of the straight line, §2).
SELECT m.*, prev.target_value AS previous_target_value, prev.target_text AS previous_target_text
FROM mart_indicator_quarter m
LEFT JOIN fct_indicator_target prev ON prev.indicator_code = m.indicator_code AND prev.year = m.target_year - 1
WHERE m.quarter_code = ${quarter} AND m.indicator_code = ${indicator}

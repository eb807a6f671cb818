-- The lights of the latest quarter evaluated up to ${quarter} (mart_indicator_quarter), for the run summary.
WITH q AS (
    SELECT max(quarter_code) AS quarter_code FROM mart_indicator_quarter WHERE quarter_code <= ${quarter}
)
SELECT p.label_zh AS quarter_label, count(*) AS indicators,
       count(*) FILTER (WHERE m.light = 'green') AS green,
       count(*) FILTER (WHERE m.light = 'yellow') AS yellow,
       count(*) FILTER (WHERE m.light = 'red') AS red,
       count(*) FILTER (WHERE m.light = 'grey') AS grey
FROM mart_indicator_quarter m
JOIN q USING (quarter_code)
JOIN dim_period p ON p.period_code = m.quarter_code
GROUP BY ALL;

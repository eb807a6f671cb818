-- mart_annual_evaluation (年度总体评价): the year's evaluation is its 4th quarter's evaluation,
-- made once the year's data is in. Written when ${quarter} is a 4th quarter; otherwise a no-op.
DELETE FROM mart_annual_evaluation
WHERE year = (SELECT year FROM dim_period WHERE period_code = ${quarter} AND quarter = 4);

INSERT INTO mart_annual_evaluation BY NAME
WITH fourth_quarter AS (
    SELECT * FROM mart_overall_quarter WHERE quarter_code = ${quarter} AND quarter = 4
)
SELECT year, quarter_code, scored_domains, overall_score, scored_indicators,
       green, yellow, red, grey, share_green, open_issues, current_timestamp AS evaluated_at
FROM fourth_quarter;

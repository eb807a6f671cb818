-- Merges the staged catalog (stg_indicator, stg_indicator_target: filled by the catalog step from
-- the catalog workbook and the task-indicator list) into dim_indicator (SCD type 2) and
-- fct_indicator_target.
--   a change of definition or bureau that takes effect in ${effective_year} closes the current row
--   at ${effective_year} - 1 and opens a new one; a change in the current row's own first year
--   corrects that row in place. New indicators are valid from ${first_year}.

CREATE OR REPLACE TEMP TABLE stg_indicator_changed AS
SELECT s.*, d.indicator_key, d.valid_from_year AS current_from
FROM stg_indicator s
JOIN dim_indicator d ON d.indicator_code = s.indicator_code AND d.is_current
WHERE d.indicator_name IS DISTINCT FROM s.indicator_name
   OR d.unit IS DISTINCT FROM s.unit
   OR d.domain_code IS DISTINCT FROM s.domain_code
   OR d.bureau_code IS DISTINCT FROM s.bureau_code
   OR d.kind IS DISTINCT FROM s.kind
   OR d.seq_no IS DISTINCT FROM s.seq_no
   OR d.plan_mark IS DISTINCT FROM s.plan_mark
   OR d.is_core IS DISTINCT FROM s.is_core
   OR d.is_observation IS DISTINCT FROM s.is_observation
   OR d.direction IS DISTINCT FROM s.direction
   OR d.frequency IS DISTINCT FROM s.frequency
   OR d.aggregation IS DISTINCT FROM s.aggregation
   OR d.note IS DISTINCT FROM s.note;

-- corrections within the row's own first year
UPDATE dim_indicator d
SET indicator_name = c.indicator_name, unit = c.unit, domain_code = c.domain_code,
    bureau_code = c.bureau_code, kind = c.kind, seq_no = c.seq_no, plan_mark = c.plan_mark,
    is_core = c.is_core, is_observation = c.is_observation, direction = c.direction,
    frequency = c.frequency, aggregation = c.aggregation, note = c.note
FROM stg_indicator_changed c
WHERE d.indicator_key = c.indicator_key AND c.current_from >= ${effective_year};

-- changes from a later year: close the current row ...
UPDATE dim_indicator d
SET valid_to_year = ${effective_year} - 1, is_current = false
FROM stg_indicator_changed c
WHERE d.indicator_key = c.indicator_key AND c.current_from < ${effective_year};

-- ... and open the new one
INSERT INTO dim_indicator (indicator_code, indicator_name, unit, domain_code, bureau_code, kind, seq_no,
                           plan_mark, is_core, is_observation, direction, frequency, aggregation, note,
                           valid_from_year, valid_to_year, is_current)
SELECT indicator_code, indicator_name, unit, domain_code, bureau_code, kind, seq_no,
       plan_mark, is_core, is_observation, direction, frequency, aggregation, note,
       ${effective_year}, 9999, true
FROM stg_indicator_changed
WHERE current_from < ${effective_year};

-- indicators seen for the first time
INSERT INTO dim_indicator (indicator_code, indicator_name, unit, domain_code, bureau_code, kind, seq_no,
                           plan_mark, is_core, is_observation, direction, frequency, aggregation, note,
                           valid_from_year, valid_to_year, is_current)
SELECT indicator_code, indicator_name, unit, domain_code, bureau_code, kind, seq_no,
       plan_mark, is_core, is_observation, direction, frequency, aggregation, note,
       ${first_year}, 9999, true
FROM stg_indicator s
WHERE NOT EXISTS (SELECT 1 FROM dim_indicator d WHERE d.indicator_code = s.indicator_code);

-- targets: the catalog is the source of truth for the indicators it lists
DELETE FROM fct_indicator_target
WHERE indicator_code IN (SELECT indicator_code FROM stg_indicator);

INSERT INTO fct_indicator_target
SELECT indicator_code, year, target_text, comparator, target_value, baseline_text, baseline_value, source
FROM stg_indicator_target;

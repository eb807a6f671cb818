-- How the printed documents (the quarterly report, its first page 本季要点, the feedback workbooks' 数据清单, the
-- clerk's summary) write numbers, periods and
-- targets: as people write them, from the catalog's unit and name. Only the text shown changes; the stored
-- values stay as they are. Created per connection (TEMP) before the report's queries run.

-- Display decimals of an indicator: rates (%, ‰) one; 万-units (万人, 万人次, 万套) two; per-thousand,
-- per-ten-thousand and per-capita figures (每千, 每万, 人均) and ages (岁) two; counts and amounts none.
CREATE OR REPLACE TEMP MACRO qyx_decimals(unit, name) AS
    CASE WHEN unit IN ('%', '‰') THEN 1
         WHEN unit LIKE '万%' THEN 2
         WHEN name LIKE '%每千%' OR name LIKE '%每万%' OR name LIKE '%人均%' OR unit = '岁' THEN 2
         ELSE 0 END;

-- A number with d decimals, no exponent.
CREATE OR REPLACE TEMP MACRO qyx_fixed(x, d) AS
    CASE WHEN x IS NULL THEN NULL
         WHEN d = 0 THEN printf('%.0f', x)
         WHEN d = 1 THEN printf('%.1f', x)
         WHEN d = 2 THEN printf('%.2f', x)
         ELSE printf('%.3f', x) END;

-- A value as written in its unit: 68.2%, 12.26万人次, 4.99个, 15450元.
CREATE OR REPLACE TEMP MACRO qyx_value_zh(x, unit, name) AS
    qyx_fixed(x, qyx_decimals(unit, name)) || coalesce(unit, '');

-- A target as the plan writes it: '>70' → 70%以上, '>=50' → 50%以上, '<=1' → 1‰以下, '5.0' → 5.0个, '/' → 无.
CREATE OR REPLACE TEMP MACRO qyx_target_zh(target_text, unit) AS
    CASE WHEN target_text IS NULL OR trim(target_text) IN ('', '/') THEN '无'
         WHEN regexp_full_match(trim(target_text), '(>=|>|≥)\s*[0-9.]+')
              THEN regexp_extract(target_text, '[0-9.]+') || coalesce(unit, '') || '以上'
         WHEN regexp_full_match(trim(target_text), '(<=|<|≤)\s*[0-9.]+')
              THEN regexp_extract(target_text, '[0-9.]+') || coalesce(unit, '') || '以下'
         ELSE trim(target_text) || coalesce(unit, '') END;

-- A period code in words: 2026Q3 → 2026年第三季度, 2026 → 2026年; a cumulative figure (累计 in its name)
-- by the months it covers: 2026Q3 → 2026年1-9月, 2026 → 2026年1-12月.
CREATE OR REPLACE TEMP MACRO qyx_period_zh(code) AS
    CASE WHEN regexp_full_match(code, '[0-9]{4}Q[1-4]')
              THEN substr(code, 1, 4) || '年第' || ['一', '二', '三', '四'][CAST(substr(code, 6, 1) AS INTEGER)] || '季度'
         WHEN regexp_full_match(code, '[0-9]{4}') THEN code || '年'
         ELSE code END;
CREATE OR REPLACE TEMP MACRO qyx_data_period_zh(code, name) AS
    CASE WHEN name LIKE '%累计%' AND regexp_full_match(code, '[0-9]{4}Q[1-4]')
              THEN substr(code, 1, 4) || '年1-' || CAST(substr(code, 6, 1) AS INTEGER) * 3 || '月'
         WHEN name LIKE '%累计%' AND regexp_full_match(code, '[0-9]{4}') THEN code || '年1-12月'
         ELSE qyx_period_zh(code) END;

-- A relative deviation or change as a signed percentage with one decimal: -8.1%, +2.0%.
CREATE OR REPLACE TEMP MACRO qyx_percent_zh(x) AS
    CASE WHEN x IS NULL THEN NULL ELSE printf('%+.1f%%', x * 100) END;

-- 规划进度 (share of the way from the 2022 baseline to the 2027 target): above 100% the target is reached
-- and said so; below 0 the value is under the baseline.
CREATE OR REPLACE TEMP MACRO qyx_progress_zh(p) AS
    CASE WHEN p IS NULL THEN NULL
         WHEN p > 1 THEN '100%（已达规划目标）'
         WHEN p < 0 THEN '0%（低于2022年基础值）'
         ELSE printf('%.1f%%', p * 100) END;

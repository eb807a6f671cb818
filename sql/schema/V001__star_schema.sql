-- V001: the star schema of the 七优享 warehouse: dimensions and indicator facts.
-- Applied once by SchemaMigrator; later versions alter it in place (never edit a released version).

CREATE TABLE dim_domain (
    domain_code      VARCHAR PRIMARY KEY,
    domain_name      VARCHAR NOT NULL UNIQUE,
    sort_order       INTEGER NOT NULL,
    lead_bureau_code VARCHAR NOT NULL
);

CREATE TABLE dim_bureau (
    bureau_code         VARCHAR PRIMARY KEY,
    short_name          VARCHAR NOT NULL UNIQUE,
    official_name       VARCHAR NOT NULL UNIQUE,
    is_responsible_unit BOOLEAN NOT NULL,
    name_note           VARCHAR
);

-- every way people write a bureau's name, the short and official names included
CREATE TABLE dim_bureau_alias (
    alias       VARCHAR PRIMARY KEY,
    bureau_code VARCHAR NOT NULL
);

-- Zhuji's 23 town-level divisions, plus the city itself (town_code '330681', level 'city')
CREATE TABLE dim_town (
    town_code        VARCHAR PRIMARY KEY,   -- 9-digit division code for towns; '330681' for the city
    division_code_12 VARCHAR NOT NULL UNIQUE,
    division_code_9  VARCHAR,
    town_name        VARCHAR NOT NULL UNIQUE,
    short_name       VARCHAR NOT NULL,
    town_type        VARCHAR NOT NULL,      -- 街道 / 镇 / 乡 / 市
    level            VARCHAR NOT NULL,      -- town / city
    sort_order       INTEGER NOT NULL
);

-- years (quarter NULL, period_code '2024') and quarters (period_code '2024Q2')
CREATE TABLE dim_period (
    period_code VARCHAR PRIMARY KEY,
    year        INTEGER NOT NULL,
    quarter     INTEGER,
    period_type VARCHAR NOT NULL,           -- year / quarter
    start_date  DATE NOT NULL,
    end_date    DATE NOT NULL,
    label_zh    VARCHAR NOT NULL
);

INSERT INTO dim_period
SELECT CAST(y AS VARCHAR), y, NULL, 'year', make_date(y, 1, 1), make_date(y, 12, 31), y || '年'
FROM range(2020, 2031) t(y);

INSERT INTO dim_period
SELECT y || 'Q' || q, y, q, 'quarter',
       make_date(y, 3 * q - 2, 1),
       CAST(make_date(y, 3 * q - 2, 1) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE),
       y || '年第' || ['一', '二', '三', '四'][q] || '季度'
FROM range(2020, 2031) t(y), range(1, 5) s(q);

-- indicators, slowly changing (type 2): a new definition or bureau opens a new row from its year,
-- the old row stays valid for its years. Facts join on indicator_code and the year range.
CREATE SEQUENCE seq_indicator_key START 1;
CREATE TABLE dim_indicator (
    indicator_key   INTEGER PRIMARY KEY DEFAULT nextval('seq_indicator_key'),
    indicator_code  VARCHAR NOT NULL,
    indicator_name  VARCHAR NOT NULL,
    unit            VARCHAR,
    domain_code     VARCHAR,                 -- NULL for context indicators (population, ...)
    bureau_code     VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,        -- headline (the plan's table) / task (section 二's goals) / context
    seq_no          INTEGER,                 -- 序号 in the plan's table
    plan_mark       VARCHAR,                 -- 序号 as written: '*1', '▲7', '2'
    is_core         BOOLEAN NOT NULL,        -- * 省定核心指标
    is_observation  BOOLEAN NOT NULL,        -- ▲ 探索和观察性指标, never scored
    direction       VARCHAR NOT NULL,        -- higher / lower
    frequency       VARCHAR NOT NULL,        -- quarterly / annual
    aggregation     VARCHAR NOT NULL,        -- sum / ratio / city_only
    note            VARCHAR,
    valid_from_year INTEGER NOT NULL,
    valid_to_year   INTEGER NOT NULL DEFAULT 9999,
    is_current      BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (indicator_code, valid_from_year)
);

-- targets by year, as written and parsed; the 2022 baseline on every row of the indicator
CREATE TABLE fct_indicator_target (
    indicator_code VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    target_text    VARCHAR NOT NULL,         -- exactly as written: '5.5', '>70', '/'
    comparator     VARCHAR,                  -- '>=', '>', '<=', '<'; NULL when there is no target ('/')
    target_value   DECIMAL(18, 4),
    baseline_text  VARCHAR,                  -- 2022年基础值 as written ('/' = none)
    baseline_value DECIMAL(18, 4),
    source         VARCHAR NOT NULL,         -- plan_table / plan_text
    PRIMARY KEY (indicator_code, year)
);

-- observations: indicator x town x period, with revisions (one current row per source)
CREATE SEQUENCE seq_value_id START 1;
CREATE TABLE fct_indicator_value (
    value_id       BIGINT PRIMARY KEY DEFAULT nextval('seq_value_id'),
    indicator_code VARCHAR NOT NULL,
    town_code      VARCHAR NOT NULL,
    period_code    VARCHAR NOT NULL,
    value          DOUBLE,
    numerator      DOUBLE,
    denominator    DOUBLE,
    obs_status     VARCHAR NOT NULL DEFAULT 'A',  -- SDMX OBS_STATUS: A normal, P provisional, E estimated, R revised
    source_kind    VARCHAR NOT NULL,              -- spreadsheet / platform / derived
    bureau_code    VARCHAR,                       -- who reported it
    source_file    VARCHAR,
    revision       INTEGER NOT NULL DEFAULT 1,
    is_current     BOOLEAN NOT NULL DEFAULT TRUE,
    loaded_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (indicator_code, town_code, period_code, source_kind, revision)
);

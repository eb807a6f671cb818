-- Staging for one file's (or one derivation's) observations before they become facts.
-- Filled by FactWriter.stage (Appender) or by set-based SQL (derived indicators), merged by
-- merge_fct_indicator_value.sql. Temporary: gone with the connection.
-- The source columns (lineage, docs/evaluation-method.md §9): the sheet, row and cell of a spreadsheet
-- figure, the line of an export's, the query and input record counts of a derived one.
CREATE OR REPLACE TEMP TABLE stg_fact (
    indicator_code VARCHAR NOT NULL,
    town_code      VARCHAR NOT NULL,
    period_code    VARCHAR NOT NULL,
    value          DOUBLE,
    numerator      DOUBLE,
    denominator    DOUBLE,
    obs_status     VARCHAR NOT NULL DEFAULT 'A',
    source_sheet   VARCHAR,
    source_row     BIGINT,
    source_cell    VARCHAR,
    source_line    BIGINT,
    derived_query  VARCHAR,
    derived_inputs VARCHAR
);

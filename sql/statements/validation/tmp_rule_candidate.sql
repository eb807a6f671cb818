-- One file's candidates as the rules see them, staged (Appender) so that the figures they are
-- compared with come from the warehouse in one query (candidate_history.sql), not one per figure.
-- Temporary: gone with the connection.
CREATE OR REPLACE TEMP TABLE tmp_rule_candidate (
    idx                INTEGER NOT NULL,     -- position in the file's candidate list
    indicator_code     VARCHAR NOT NULL,
    town_code          VARCHAR NOT NULL,
    period_code        VARCHAR NOT NULL,
    source_kind        VARCHAR NOT NULL,
    file_id            BIGINT,
    year               INTEGER NOT NULL,
    quarter            INTEGER,              -- NULL for a year
    previous_quarter   VARCHAR,              -- '2024Q1' for '2024Q2'; NULL for a year
    last_year_period   VARCHAR               -- '2023Q2' for '2024Q2', '2023' for '2024'
);

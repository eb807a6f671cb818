-- What missing_figures.sql expects for one rule: the indicators it applies to (and whether they are
-- reported by town). Filled by MissingFigures; temporary.
CREATE OR REPLACE TEMP TABLE tmp_missing_indicator (indicator_code VARCHAR, by_town BOOLEAN);

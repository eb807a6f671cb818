-- The current facts the evaluation counts (a temporary view on the caller's connection). Facts
-- still 待核实 count when qyx.validation.count-unverified is true (the default: counted, and flagged
-- by review_state), and are left out otherwise; 已说明 facts always count.
CREATE OR REPLACE TEMP VIEW fct_indicator_value_evaluated AS
SELECT *
FROM fct_indicator_value
WHERE is_current
  AND (CAST(${count_unverified} AS BOOLEAN) OR review_state IS DISTINCT FROM '待核实');

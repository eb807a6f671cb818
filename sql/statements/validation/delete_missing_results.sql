-- The 催报 list is a snapshot: a new check of period ${period_code} (bureau ${bureau_code}; NULL = all)
-- replaces the missing-figure results an earlier run stored for it.
DELETE FROM fct_rule_result
WHERE outcome = 'missing' AND period_code = ${period_code}
  AND (${bureau_code} IS NULL OR bureau_code = ${bureau_code});

-- freeze_meeting_version (会议口径, docs/evaluation-method.md §8): freezes ${quarter}'s evaluation as the
-- version the 季度调度会 saw: every mart row of the quarter and the issue list as of it, as JSON, with the
-- version number and time. Only once the quarter has closed (on ${today}); only when the quarter has no
-- version yet, unless a rerun is asked for explicitly (${rerun}: a re-convened meeting), which makes the next
-- version and keeps the old. Nothing here ever updates or deletes a frozen row.
CREATE OR REPLACE TEMP TABLE tmp_freeze AS
SELECT ${quarter} AS quarter_code,
       coalesce((SELECT max(version_no) FROM mart_meeting_version WHERE quarter_code = ${quarter}), 0) + 1 AS version_no
WHERE (SELECT end_date FROM dim_period WHERE period_code = ${quarter}) < CAST(${today} AS DATE)
  AND (CAST(${rerun} AS BOOLEAN)
       OR NOT EXISTS (SELECT 1 FROM mart_meeting_version WHERE quarter_code = ${quarter}));

INSERT INTO mart_meeting_version (quarter_code, version_no, frozen_at, reason, job_execution_id)
SELECT quarter_code, version_no, current_timestamp,
       CASE WHEN version_no = 1 THEN '季度结束后首次季度运行' ELSE '明确要求重新冻结（重新召开会议）' END,
       ${job_execution_id}
FROM tmp_freeze;

INSERT INTO mart_meeting_row
SELECT f.quarter_code, f.version_no, 'mart_indicator_quarter', m.indicator_code, to_json(m)
FROM tmp_freeze f JOIN mart_indicator_quarter m ON m.quarter_code = f.quarter_code
UNION ALL
SELECT f.quarter_code, f.version_no, 'mart_domain_quarter', m.domain_code, to_json(m)
FROM tmp_freeze f JOIN mart_domain_quarter m ON m.quarter_code = f.quarter_code
UNION ALL
SELECT f.quarter_code, f.version_no, 'mart_overall_quarter', m.quarter_code, to_json(m)
FROM tmp_freeze f JOIN mart_overall_quarter m ON m.quarter_code = f.quarter_code
UNION ALL
SELECT f.quarter_code, f.version_no, 'mart_issue', m.issue_id, to_json(m)
FROM tmp_freeze f JOIN mart_issue m ON m.as_of_quarter = f.quarter_code
UNION ALL
SELECT f.quarter_code, f.version_no, 'mart_town_comparison', m.indicator_code || '|' || m.town_code, to_json(m)
FROM tmp_freeze f JOIN mart_town_comparison m ON m.quarter_code = f.quarter_code
UNION ALL
SELECT f.quarter_code, f.version_no, 'mart_bureau_quarter', m.bureau_code, to_json(m)
FROM tmp_freeze f JOIN mart_bureau_quarter m ON m.quarter_code = f.quarter_code
UNION ALL
SELECT f.quarter_code, f.version_no, 'mart_data_completeness',
       m.indicator_code || '|' || m.town_code || '|' || m.expected_period, to_json(m)
FROM tmp_freeze f JOIN mart_data_completeness m ON m.quarter_code = f.quarter_code;

-- The issue list of the last closed quarter now, beside its status at the 季度调度会 (the meeting version).
-- 问题清单：最近一个已结束季度的问题整改清单，当前口径与调度会所见（会议版本）对照；会议后新出现或状态改变的问题一目了然。
-- The issue list as of the last closed quarter, now and as frozen for the meeting (docs/analyst-views.md);
-- 会议时状态 is empty while that quarter has no meeting version yet.
WITH last_closed AS (
    SELECT max(quarter_code) AS quarter_code FROM mart_overall_quarter WHERE is_closed
),
meeting AS (
    SELECT r.row_key AS issue_id, r.row_json ->> 'status_zh' AS status_zh, r.version_no
    FROM mart_meeting_row r JOIN last_closed l USING (quarter_code)
    WHERE r.mart = 'mart_issue'
      AND r.version_no = (SELECT max(v.version_no) FROM mart_meeting_version v WHERE v.quarter_code = r.quarter_code)
)
SELECT i.as_of_quarter     AS 截至季度,
       i.issue_id          AS 问题编号,
       i.indicator_name    AS 指标,
       i.bureau_name       AS 责任单位,
       i.opened_reason     AS 发现原因,
       i.status_zh         AS 当前状态,
       m.status_zh         AS 会议时状态,
       m.version_no        AS 会议版本
FROM mart_issue i
JOIN last_closed l ON i.as_of_quarter = l.quarter_code
LEFT JOIN meeting m USING (issue_id)
ORDER BY i.bureau_name, i.issue_id;

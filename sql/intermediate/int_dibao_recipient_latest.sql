-- int_dibao_recipient_latest: the recipients of the latest 最低生活保障对象 export carrying each
-- period (rec_dibao_recipient):
-- an export replaces the earlier ones for the periods it carries, so only the latest counts.
-- A view (temporary, this connection only), created by DerivedIndicators before the indicator files.
CREATE OR REPLACE TEMP VIEW int_dibao_recipient_latest AS
WITH latest_export AS (
    SELECT period_code, max(file_id) AS file_id FROM rec_dibao_recipient GROUP BY period_code
)
SELECT r.* FROM rec_dibao_recipient r JOIN latest_export USING (period_code, file_id);

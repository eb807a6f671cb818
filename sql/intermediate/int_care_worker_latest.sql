-- int_care_worker_latest: the certified persons of the latest 养老护理员持证名单 export carrying each
-- period (rec_care_worker):
-- an export replaces the earlier ones for the periods it carries, so only the latest counts.
-- A view (temporary, this connection only), created by DerivedIndicators before the indicator files.
CREATE OR REPLACE TEMP VIEW int_care_worker_latest AS
WITH latest_export AS (
    SELECT period_code, max(file_id) AS file_id FROM rec_care_worker GROUP BY period_code
)
SELECT r.* FROM rec_care_worker r JOIN latest_export USING (period_code, file_id);

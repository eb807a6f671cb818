-- int_childcare_institution_latest: the institutions of the latest 托育机构名录 export carrying each
-- period (rec_childcare_institution):
-- an export replaces the earlier ones for the periods it carries, so only the latest counts.
-- A view (temporary, this connection only), created by DerivedIndicators before the indicator files.
CREATE OR REPLACE TEMP VIEW int_childcare_institution_latest AS
WITH latest_export AS (
    SELECT period_code, max(file_id) AS file_id FROM rec_childcare_institution GROUP BY period_code
)
SELECT r.* FROM rec_childcare_institution r JOIN latest_export USING (period_code, file_id);

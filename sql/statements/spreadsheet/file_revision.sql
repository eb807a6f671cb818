-- The revision of a spreadsheet being loaded: 1 + the files of the same template, bureau and period loaded before.
SELECT count(*) + 1 AS revision
FROM etl_file
WHERE source_kind = 'spreadsheet'
  AND mapping_id = ${mapping_id}
  AND bureau_code = ${bureau_code}
  AND period_code IS NOT DISTINCT FROM ${period_code}
  AND status IN ('loaded', 'loaded_with_rejects');

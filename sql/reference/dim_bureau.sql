-- dim_bureau and dim_bureau_alias from samples/reference/bureaus.csv.
-- Every alias, the short name and the official name resolve to the bureau.
INSERT INTO dim_bureau
SELECT bureau_code, short_name, official_name, CAST(is_responsible_unit AS BOOLEAN), name_note
FROM read_csv(${bureaus_csv}, header = true, all_varchar = true)
ON CONFLICT (bureau_code) DO UPDATE SET short_name = excluded.short_name, official_name = excluded.official_name, is_responsible_unit = excluded.is_responsible_unit, name_note = excluded.name_note;

INSERT INTO dim_bureau_alias
WITH bureaus AS (
    SELECT * FROM read_csv(${bureaus_csv}, header = true, all_varchar = true)
),
names AS (
    SELECT bureau_code, short_name AS alias FROM bureaus
    UNION SELECT bureau_code, official_name FROM bureaus
    UNION SELECT bureau_code, trim(unnest(string_split(aliases, ';'))) FROM bureaus WHERE aliases IS NOT NULL
)
SELECT alias, bureau_code FROM names WHERE alias <> ''
ON CONFLICT (alias) DO UPDATE SET bureau_code = excluded.bureau_code;

-- dim_domain from samples/reference/domains.csv; the lead bureau (牵头单位) is resolved by alias.
INSERT INTO dim_domain
WITH domains AS (
    SELECT * FROM read_csv(${domains_csv}, header = true, all_varchar = true)
)
SELECT d.domain_code, d.domain_name, CAST(d.sort_order AS INTEGER), a.bureau_code
FROM domains d
JOIN dim_bureau_alias a ON a.alias = d.lead_bureau
ON CONFLICT (domain_code) DO UPDATE SET domain_name = excluded.domain_name, sort_order = excluded.sort_order, lead_bureau_code = excluded.lead_bureau_code;

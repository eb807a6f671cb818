package com.qiyouxiang.intake.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of platform export this ingest understands: one observation a line (indicators), or
 * one of the record-level lists from which indicators are derived. Each names its fields (the
 * mappings under jobs/sources/ say how exports head them), their DuckDB types and which must be there.
 */
public enum Dataset {

    INDICATORS(null, null, fields(
            "indicator_code", "VARCHAR", "indicator_name", "VARCHAR", "division_code", "VARCHAR",
            "division_name", "VARCHAR", "period", "VARCHAR", "value", "VARCHAR", "unit", "VARCHAR",
            "bureau", "VARCHAR", "updated_at", "VARCHAR"),
            Set.of("indicator_code", "division_code", "period", "value")),

    /** 托育机构名录: institution, town, 托位数, 是否普惠. */
    CHILDCARE_INSTITUTIONS("staging/stg_platform_childcare_institutions.sql", "rec_childcare_institution", fields(
            "institution_code", "VARCHAR", "institution_name", "VARCHAR", "division_code", "VARCHAR",
            "places", "INTEGER", "is_puhui", "VARCHAR", "period", "VARCHAR"),
            Set.of("institution_name", "division_code", "places", "is_puhui", "period")),

    /** 养老护理员持证名单: one row per person; 姓名, 手机号 and 证书编号 are read but never selected. */
    CARE_WORKERS("staging/stg_platform_care_workers.sql", "rec_care_worker", fields(
            "id_no", "VARCHAR", "person_name", "VARCHAR", "phone", "VARCHAR", "certificate_no", "VARCHAR",
            "certificate_level", "VARCHAR", "division_code", "VARCHAR", "period", "VARCHAR"),
            Set.of("id_no", "division_code", "period")),

    /** 最低生活保障对象: persons with household and monthly amount; 姓名 and 手机号 never selected. */
    DIBAO_RECIPIENTS("staging/stg_platform_dibao_recipients.sql", "rec_dibao_recipient", fields(
            "id_no", "VARCHAR", "person_name", "VARCHAR", "phone", "VARCHAR", "household_no", "VARCHAR",
            "division_code", "VARCHAR", "monthly_amount", "DECIMAL(12,2)", "period", "VARCHAR"),
            Set.of("id_no", "household_no", "division_code", "monthly_amount", "period"));

    private final String stagingSql;
    private final String table;
    private final Map<String, String> types;
    private final Set<String> required;

    Dataset(String stagingSql, String table, Map<String, String> types, Set<String> required) {
        this.stagingSql = stagingSql;
        this.table = table;
        this.types = types;
        this.required = required;
    }

    public static Dataset of(String name) {
        return valueOf(name.trim().toUpperCase().replace('-', '_'));
    }

    /** The staging SELECT (sql/staging/...) for record-level datasets; null for indicators. */
    public String stagingSql() {
        return stagingSql;
    }

    /** The record table (V020) for record-level datasets; null for indicators. */
    public String table() {
        return table;
    }

    /** The SQL that moves the good staged lines into the record table (sql/statements/platform/load_rec_*.sql). */
    public String loadSql() {
        return table == null ? null : "statements/platform/load_" + table + ".sql";
    }

    /** field -> DuckDB type, in a fixed order. */
    public Map<String, String> types() {
        return types;
    }

    public Set<String> required() {
        return required;
    }

    public boolean recordLevel() {
        return this != INDICATORS;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}

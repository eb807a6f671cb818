-- severity: error
-- description: 事实表和评价结果表中的数值都是有限数值（没有 NaN、无穷大，绝对值不超过 9007199254740992）
-- Issue 14: a non-finite value must never reach a fact or a mart (intake rejects it with its cell or line;
-- this check is the last guard). The placeholder below is written by DataQualityChecks from the warehouse's
-- columns: one SELECT per DOUBLE or FLOAT column of every fct_ and mart_ table, as (table_name, column_name, value).
${non_finite_values}

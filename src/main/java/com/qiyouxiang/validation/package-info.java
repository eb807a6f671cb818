/**
 * The rules every figure passes before it becomes a fact, whatever its source: the rule catalogue (jobs/rules),
 * the rule kinds, tiers (强制性, 核实性, 提示性) and overrides, the stored rule results and review states, and
 * reviewJob (情况说明 files, 应报未报 and the 催报 list).
 * <p>
 * May use: {@link com.qiyouxiang.catalog}, {@link com.qiyouxiang.batch}, {@link com.qiyouxiang.warehouse}.
 * Used by the two ingests, evaluation, publish and operations; never uses them.
 */
package com.qiyouxiang.validation;

/**
 * evaluationJob: the quarterly evaluation (docs/evaluation-method.md) from the warehouse's facts: the marts under
 * sql/marts for a quarter, in one transaction, and the data-quality checks under sql/checks.
 * <p>
 * May use: {@link com.qiyouxiang.validation} (review states, whether 待核实 facts count),
 * {@link com.qiyouxiang.catalog}, {@link com.qiyouxiang.batch}, {@link com.qiyouxiang.warehouse}; never the ingests.
 * Used by publish and operations.
 */
package com.qiyouxiang.evaluation;

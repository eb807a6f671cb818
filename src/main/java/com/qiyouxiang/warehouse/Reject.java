package com.qiyouxiang.warehouse;

/**
 * One rejected row or cell, as the bureau will be told: where (sheet, row, cell), what was there
 * (raw value, masked if personal) and why (a reason code and a Chinese message).
 */
public record Reject(String sheetName, Long rowNumber, String cellRef, String rawValue, String reasonCode,
                     String messageZh) {
}

package com.qiyouxiang.operations;

/** The etl_file statuses as the clerk reads them. */
public final class FileStatusText {

    private FileStatusText() {
    }

    public static String of(String status) {
        return switch (status) {
            case "loaded" -> "已入库";
            case "loaded_with_rejects" -> "已入库（部分数据退回）";
            case "unrecognised" -> "无法识别";
            case "failed" -> "无法读取";
            case "quarantined" -> "已隔离";
            case "processing" -> "处理中断";
            case "duplicate" -> "重复报送";
            default -> status;
        };
    }
}

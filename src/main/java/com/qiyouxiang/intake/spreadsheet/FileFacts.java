package com.qiyouxiang.intake.spreadsheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What a file says about itself: its period (from the title or the name), its 填报单位, 填报日期 and 填报人. */
final class FileFacts {
    String period;
    String periodFromFileName;
    String bureauCode;
    String bureauWritten;
    LocalDate reportDate;
    String reporter;
    final List<String> sheetsRead = new ArrayList<>();
    final List<String> sheetsSkipped = new ArrayList<>();
}

package com.qiyouxiang.validation;

import static com.qiyouxiang.validation.RulesFixture.JIYANG;
import static com.qiyouxiang.validation.RulesFixture.HUANDONG;
import static com.qiyouxiang.validation.RulesFixture.obs;
import static com.qiyouxiang.validation.RulesFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.qiyouxiang.intake.spreadsheet.FeedbackWorkbooks;

/**
 * 核实性 findings on loaded figures: 已说明 by the row's 备注, by an explanation file (CSV in UTF-8 or
 * GB18030, xlsx; before or after the figure arrives), or left 待核实; whether 待核实 figures count.
 * The scenario: 人社局's 基本养老保险参保人数 (H14) jumps from 100 to 150 in four towns in 2024Q2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplanationsTest {

    static final String TAOZHU = "330681003";
    static final String JINAN = "330681004";

    RulesFixture fx;
    CatalogueValueRules rules;

    @BeforeAll
    void open() throws Exception {
        fx = RulesFixture.open();
        rules = fx.rules();
    }

    @AfterAll
    void close() throws Exception {
        fx.close();
    }

    @BeforeEach
    void firstQuarter() throws Exception {
        fx.reset();
        fx.ingest(rules, 101, "人社局2024Q1.xlsx", List.of(row(101, obs("H14", JIYANG, "2024Q1", 100), null),
                row(101, obs("H14", HUANDONG, "2024Q1", 100), null), row(101, obs("H14", TAOZHU, "2024Q1", 100), null),
                row(101, obs("H14", JINAN, "2024Q1", 100), null)));
    }

    void secondQuarter() throws Exception {
        fx.ingest(rules, 102, "人社局2024Q2.xlsx", List.of(
                row(102, obs("H14", JIYANG, "2024Q2", 150), "新增两家企业集中参保"),
                row(102, obs("H14", HUANDONG, "2024Q2", 150), null),
                row(102, obs("H14", TAOZHU, "2024Q2", 150), "  "),
                row(102, obs("H14", JINAN, "2024Q2", 150), null)));
    }

    List<String> facts() {
        return fx.jdbc.queryForList("""
                SELECT t.short_name || ' ' || coalesce(f.review_state, '-') || ' ' || coalesce(f.review_note, '-')
                FROM fct_indicator_value f JOIN dim_town t USING (town_code)
                WHERE f.is_current AND f.period_code = '2024Q2' ORDER BY t.sort_order""", String.class);
    }

    @Test
    void remarkInTheSameRowExplainsAtOnceAndTheRestWait() throws Exception {
        secondQuarter();
        assertThat(facts()).containsExactly("暨阳 已说明 新增两家企业集中参保", "浣东 待核实 -", "陶朱 待核实 -", "暨南 待核实 -");
        assertThat(fx.jdbc.queryForList("""
                SELECT rule_id || ' ' || tier || ' ' || review_state || ' ' || coalesce(explanation_source, '-')
                FROM fct_rule_result WHERE town_code = ? ORDER BY rule_id""", String.class, JIYANG))
                .containsExactly("R-CHANGE-QOQ 核实性 已说明 备注（报表102.xlsx Sheet1 第7行）");
        assertThat(fx.jdbc.queryForObject("SELECT review_source FROM fct_indicator_value WHERE is_current AND town_code = ? AND period_code = '2024Q2'",
                String.class, JIYANG)).isEqualTo("备注（报表102.xlsx Sheet1 第7行）");
    }

    @Test
    void explanationFileAfterTheFigureExplainsPendingResultsAndRejectsBadRows() throws Exception {
        secondQuarter();
        Path file = RulesFixture.write(fx.dir.resolve("情况说明/情况说明_人社局_2024Q2.csv"), """
                规则编号,指标,镇街,期别,情况说明,填报人
                R-CHANGE-QOQ,H14,浣东街道,2024Q2,辖区企业改制后职工集中参保,张三
                ,基本养老保险参保人数,陶朱,2024年第二季度,灵活就业人员参保政策调整,李四

                R-NOPE,H14,暨南街道,2024Q2,说明,王五
                ,H99,暨南街道,2024Q2,说明,王五
                ,H14,某某镇,2024Q2,说明,王五
                ,H14,暨南街道,2024年6月,说明,王五
                ,H14,暨南街道,2024Q2,,王五
                """);
        Explanations.Outcome o = Explanations.load(fx.c, file, rules.catalogue(), 9L);
        assertThat(o.loaded()).isEqualTo(2);
        assertThat(o.counts().toString()).isEqualTo("read 9 = loaded 2 + rejected 4 + ignored 3 (header=1, blank=1, unfilled=1)");
        assertThat(o.rejects()).extracting(r -> r.reasonCode()).containsExactly("EXPLANATION_UNKNOWN_RULE",
                "EXPLANATION_UNKNOWN_INDICATOR", "EXPLANATION_UNKNOWN_TOWN", "EXPLANATION_UNKNOWN_PERIOD");
        assertThat(o.rejects().get(2).messageZh()).isEqualTo("镇街“某某镇”无法识别：请填写镇街全称（如 暨阳街道）或“全市”");
        assertThat(o.rejects().get(0).rowNumber()).isEqualTo(5L);
        assertThat(facts()).containsExactly("暨阳 已说明 新增两家企业集中参保", "浣东 已说明 辖区企业改制后职工集中参保",
                "陶朱 已说明 灵活就业人员参保政策调整", "暨南 待核实 -");
        assertThat(fx.jdbc.queryForObject("SELECT explanation_source FROM fct_rule_result WHERE town_code = ?", String.class,
                HUANDONG)).isEqualTo("情况说明文件 情况说明_人社局_2024Q2.csv line 2");
        assertThat(fx.jdbc.queryForObject("""
                SELECT status || ' ' || rows_read || ' ' || rows_loaded || ' ' || rows_rejected || ' ' || rows_ignored
                FROM etl_file WHERE source_kind = 'explanation'""", String.class)).isEqualTo("loaded_with_rejects 9 2 4 3");
        assertThat(fx.jdbc.queryForObject("SELECT count(*) FROM etl_reject WHERE file_id = ?", Integer.class, o.fileId())).isEqualTo(4);
        // the same file again: skipped
        assertThat(Explanations.load(fx.c, file, rules.catalogue(), 10L).duplicate()).isTrue();
    }

    @Test
    void feedbackRowsByTierAndTheUnexplainedItemsPerBureau() throws Exception {
        secondQuarter();
        fx.ingest(rules, 104, "人社局2024Q3.xlsx", List.of(row(104, obs("H14", JIYANG, "2024Q3", -1), null),
                row(104, obs("H14", HUANDONG, "2024Q3", 300), null)));
        assertThat(fx.jdbc.queryForList(com.qiyouxiang.warehouse.SqlFiles.read("statements/validation/rule_results_for_feedback.sql",
                java.util.Map.of("file_id", 104)))).extracting(r -> r.get("层级") + " " + r.get("规则编号") + " " + r.get("状态"))
                .containsExactly("强制性 R-SIGN 已退回，请更正后重报", "核实性 R-CHANGE-QOQ 已退回，请更正后重报",
                        "核实性 R-CHANGE-QOQ 待核实");
        assertThat(fx.jdbc.queryForList(com.qiyouxiang.warehouse.SqlFiles.read("statements/validation/unexplained_verify_items.sql")))
                .extracting(r -> r.get("bureau_name") + " " + r.get("period_code") + " " + r.get("town_name"))
                .containsExactly("人力社保局 2024Q2 浣东街道", "人力社保局 2024Q2 陶朱街道", "人力社保局 2024Q2 暨南街道",
                        "人力社保局 2024Q3 浣东街道");
    }

    @Test
    void anExplanationNamingTheRuleWinsOverALaterOneThatDoesNot() throws Exception {
        // both arrive before the figures
        Path first = RulesFixture.write(fx.dir.resolve("情况说明/a.csv"), "规则编号,指标,镇街,期别,情况说明\nR-CHANGE-QOQ,H14,暨南,2024Q2,针对环比的说明\n");
        Path second = RulesFixture.write(fx.dir.resolve("情况说明/b.csv"), "规则编号,指标,镇街,期别,情况说明\n,H14,暨南,2024Q2,笼统的说明\n"
                + "R-CHANGE-YOY,H14,陶朱,2024Q2,只说同比\n");
        Explanations.load(fx.c, first, rules.catalogue(), 9L);
        Explanations.load(fx.c, second, rules.catalogue(), 9L);
        secondQuarter();
        // 陶朱's finding is 环比 (R-CHANGE-QOQ): an explanation of another rule does not explain it
        assertThat(facts()).containsExactly("暨阳 已说明 新增两家企业集中参保", "浣东 待核实 -", "陶朱 待核实 -",
                "暨南 已说明 针对环比的说明");
    }

    @Test
    void theSampleExplanationFileLoads() throws Exception {
        Path sample = Path.of("samples/inbox/情况说明").resolve(com.qiyouxiang.samples.ExplanationSampleWriter.FILE_NAME);
        Explanations.Outcome o = Explanations.load(fx.c, sample, rules.catalogue(), 9L);
        assertThat(o.counts().toString()).isEqualTo("read 4 = loaded 2 + rejected 1 + ignored 1 (header=1)");
        assertThat(o.rejects().get(0).reasonCode()).isEqualTo("EXPLANATION_UNKNOWN_TOWN");
        assertThat(fx.jdbc.queryForList("SELECT town_code || ' ' || period_code || ' ' || coalesce(rule_id, '*') FROM etl_explanation ORDER BY 1",
                String.class)).containsExactly("330681102 2025Q2 R-CROSS-SOURCE", "330681201 2025Q1 *");
    }

    @Test
    void explanationFileBeforeTheFigureAppliesWhenItArrives() throws Exception {
        Path file = fx.dir.resolve("情况说明/情况说明_GB18030.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, "指标,镇街,期别,情况说明\nH14,暨南街道,2024Q2,预计季度末新增社区参保点\n".getBytes(Charset.forName("GB18030")));
        assertThat(Explanations.load(fx.c, file, rules.catalogue(), 9L).loaded()).isEqualTo(1);
        secondQuarter();
        assertThat(facts()).contains("暨南 已说明 预计季度末新增社区参保点");
    }

    @Test
    void explanationWorkbookWithATitleRow() throws Exception {
        secondQuarter();
        Path file = Files.createDirectories(fx.dir.resolve("情况说明")).resolve("情况说明_人社局.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("情况说明");
            sheet.createRow(0).createCell(0).setCellValue("人力社保局 2024年第二季度 数据情况说明");
            String[][] rows = {{"规则编号", "指标", "镇街", "期别", "情况说明", "填报人"},
                    {"R-CHANGE-QOQ", "H14", "暨南街道", "2024Q2", "统计口径调整，含新增灵活就业参保", "赵六"}};
            fill(sheet, 1, rows);
            wb.write(out);
        }
        Explanations.Outcome o = Explanations.load(fx.c, file, rules.catalogue(), 9L);
        assertThat(o.counts().toString()).isEqualTo("read 3 = loaded 1 + rejected 0 + ignored 2 (title=1, header=1)");
        assertThat(facts()).contains("暨南 已说明 统计口径调整，含新增灵活就业参保");
        assertThat(fx.jdbc.queryForObject("SELECT location FROM etl_explanation", String.class)).isEqualTo("情况说明!E3");
    }

    @Test
    void aFeedbackWorkbookSentBackWithItsFormFilledInExplainsItsFigures() throws Exception {
        secondQuarter();
        // the feedback workbook as the ingest writes it: the form is the section 四、情况说明 of 反馈说明
        List<FeedbackWorkbooks.Finding> findings = new java.util.ArrayList<>();
        for (String town : List.of("浣东街道", "陶朱街道", "暨南街道")) {
            findings.add(new FeedbackWorkbooks.Finding("R-CHANGE-QOQ", "H14", "基本养老保险参保人数", town, "2024Q2", "C" + (findings.size() + 3),
                    150, "基本养老保险参保人数（" + town + "，2024年第二季度）为 150，比上季度的 100 变动 +50.0%，超过 30%", true));
        }
        Path written = FeedbackWorkbooks.write(fx.dir.resolve("feedback"), "人社局2024Q2", findings, List.of(), 30, 100);
        // the bureau fills in two of the three rows (新 cells, as Excel writes them) and puts the workbook back
        Path returned = Files.createDirectories(fx.dir.resolve("情况说明")).resolve("回复_" + written.getFileName());
        int form;
        int rows;
        try (XSSFWorkbook wb = new XSSFWorkbook(written.toFile()); OutputStream out = Files.newOutputStream(returned)) {
            Sheet notice = wb.getSheet("反馈说明");
            form = FeedbackWorkbooks.sectionRow(notice, "四、情况说明") + 1;
            rows = notice.getLastRowNum() + 1;
            for (int r = form + 1; r <= form + 2; r++) {
                notice.getRow(r).createCell(6).setCellValue("辖区企业集中参保，数据无误（" + notice.getRow(r).getCell(1).getStringCellValue() + "）");
                notice.getRow(r).createCell(5).setCellValue("张三");
            }
            wb.write(out);
        }
        Explanations.Outcome o = Explanations.load(fx.c, returned, rules.catalogue(), 9L);
        // every row of 反馈说明 read: the notice above the form is its title, and the 五、数据清单 below the form's end
        // (its title, header and 33 figures) is not taken for form rows
        assertThat(o.loaded()).isEqualTo(2);
        assertThat(o.rejects()).isEmpty();
        assertThat(o.counts().toString()).startsWith("read " + rows + " = loaded 2 + rejected 0 + ignored " + (rows - 2))
                .contains("header=1").contains("unfilled=1").contains("after_form=35");
        assertThat(facts()).containsExactly("暨阳 已说明 新增两家企业集中参保", "浣东 已说明 辖区企业集中参保，数据无误（浣东街道）",
                "陶朱 已说明 辖区企业集中参保，数据无误（陶朱街道）", "暨南 待核实 -");
        assertThat(fx.jdbc.queryForObject("SELECT location FROM etl_explanation WHERE town_code = ?", String.class, HUANDONG))
                .isEqualTo("反馈说明!G" + (form + 2));
        assertThat(fx.jdbc.queryForObject("SELECT reporter FROM etl_explanation WHERE town_code = ?", String.class, TAOZHU)).isEqualTo("张三");
    }

    @Test
    void aWorkbookWrittenBeforeTheFormMovedIntoTheNoticeIsStillRead() throws Exception {
        secondQuarter();
        // the layout of the feedback workbooks written before: 反馈说明 (its 核实性 list has a 情况说明 column but no
        // 指标/镇街/期别), then the form on a sheet of its own, the rule id in its last column; and a bureau that left a
        // blank row in the form: a form that is a sheet of its own is read to its end
        Path file = Files.createDirectories(fx.dir.resolve("情况说明")).resolve("人社局2024Q2_数据核实.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet notice = wb.createSheet("反馈说明");
            String[][] noticeRows = {{"数据核实通知"}, {"文件", "人社局2024Q2.xlsx"}, {}, {"二、核实性（已入库，待核实的请填写情况说明）：共 2 处"},
                    {"序号", "工作表", "单元格", "报送值", "问题", "状态", "情况说明", "", "代码（筛选用）"},
                    {"1", "Sheet1", "C4", "150", "变动超过 30%", "待核实", "", "", "R-CHANGE-QOQ"}};
            fill(notice, 0, noticeRows);
            Sheet form = wb.createSheet("情况说明");
            fill(form, 0, new String[][] {{"人社局2024Q2.xlsx：待核实数据情况说明（请填写黄色的“情况说明”列和“填报人”）"},
                    {"指标", "镇街", "期别", "情况说明", "填报人", "指标名称", "位置", "报送值", "比较对象", "比较值", "问题", "规则编号"},
                    {"H14", "浣东街道", "2024年第二季度", "旧版反馈表的说明", "李四", "基本养老保险参保人数", "Sheet1!C3", "150", "上季度", "100", "变动超过 30%", "R-CHANGE-QOQ"},
                    {},
                    {"H14", "暨南街道", "2024年第二季度", "空行之后的说明", "李四", "基本养老保险参保人数", "Sheet1!C5", "150", "上季度", "100", "变动超过 30%", "R-CHANGE-QOQ"}});
            wb.write(out);
        }
        Explanations.Outcome o = Explanations.load(fx.c, file, rules.catalogue(), 9L);
        assertThat(o.counts().toString()).isEqualTo("read 5 = loaded 2 + rejected 0 + ignored 3 (title=1, header=1, blank=1)");
        assertThat(facts()).containsExactly("暨阳 已说明 新增两家企业集中参保", "浣东 已说明 旧版反馈表的说明", "陶朱 待核实 -",
                "暨南 已说明 空行之后的说明");
        assertThat(fx.jdbc.queryForObject("SELECT location FROM etl_explanation WHERE town_code = ?", String.class, HUANDONG))
                .isEqualTo("情况说明!D3");
    }

    /** Rows of text from row {@code first} (0-based); an empty array leaves its row out (blank). */
    private static void fill(Sheet sheet, int first, String[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length == 0) {
                continue;
            }
            Row r = sheet.createRow(first + i);
            for (int j = 0; j < rows[i].length; j++) {
                r.createCell(j).setCellValue(rows[i][j]);
            }
        }
    }

    @Test
    void aNewRevisionStartsAfreshAndUnverifiedFiguresCountByConfiguration() throws Exception {
        secondQuarter();
        try (Connection c = fx.warehouse.connect()) {
            ReviewStates.createEvaluatedView(c, true);
            assertThat(count(c)).isEqualTo(8);
            ReviewStates.createEvaluatedView(c, false);
            assertThat(count(c)).isEqualTo(5);
        }
        // 浣东 corrects its figure to 110 (within 30 % of 2024Q1): the 环比 doubt on 150 no longer applies to the
        // new revision; the correction itself is a re-report (核实性), explained in its 备注
        fx.ingest(rules, 103, "人社局2024Q2更正.xlsx", List.of(row(103, obs("H14", HUANDONG, "2024Q2", 110), "更正录入错误")));
        assertThat(facts()).containsExactly("暨阳 已说明 新增两家企业集中参保", "浣东 已说明 更正录入错误", "陶朱 待核实 -",
                "暨南 待核实 -");
        assertThat(fx.jdbc.queryForObject("SELECT count(*) FROM fct_rule_result WHERE file_id = 103 AND rule_id = 'R-REREPORT'",
                Integer.class)).isEqualTo(1);
    }

    private static int count(Connection c) throws Exception {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM fct_indicator_value_evaluated")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package com.qiyouxiang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import com.qiyouxiang.catalog.CatalogWorkbookReader.Entry;
import com.qiyouxiang.samples.CatalogWorkbookWriter;
import com.qiyouxiang.samples.CatalogWorkbookWriter.Variant;

/** The plan's table read back from Excel, LibreOffice/WPS-style .xlsx and legacy .xls. */
class CatalogWorkbookReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void readsTheTableHoweverItWasSaved(Variant variant) throws Exception {
        Path file = dir.resolve(variant == Variant.NUMERIC_XLS ? "catalog.xls" : "catalog.xlsx");
        CatalogWorkbookWriter.write(file, variant);

        CatalogWorkbookReader.Result result = new CatalogWorkbookReader().read(file);

        List<Entry> entries = result.entries();
        assertThat(entries).hasSize(21);
        assertThat(result.rejects()).isEmpty();
        // the entries are counted loaded by the loader, once their bureau and domain resolve
        assertThat(result.counts().rowsRead()).isEqualTo(24);
        assertThat(result.counts().rowsIgnored() + result.counts().rowsRejected()).isEqualTo(3);
        assertThat(result.counts().ignoredDetail()).isEqualTo("title=1, header=1, footnote=1");
        // 领域 is merged over its rows: carried down to every row
        assertThat(entries.stream().map(Entry::domainName).distinct())
                .containsExactly("幼有善育", "学有优教", "劳有所得", "病有良医", "老有康养", "住有宜居", "弱有众扶");
        assertThat(entries.get(2).domainName()).isEqualTo("幼有善育");
        assertThat(entries.get(20).domainName()).isEqualTo("弱有众扶");
        Entry first = entries.get(0);
        assertThat(first.seqNo()).isEqualTo(1);
        assertThat(first.core()).isTrue();
        assertThat(first.observation()).isFalse();
        assertThat(first.name()).isEqualTo("每千人口拥有3岁以下婴幼儿托位数");
        assertThat(first.unit()).isEqualTo("个");
        assertThat(first.targetRefs().get(2023)).isEqualTo("五年目标!E3");
        Entry unemployment = entries.get(6);
        assertThat(unemployment.observation()).isTrue();
        assertThat(unemployment.core()).isFalse();
        assertThat(unemployment.targetTexts().values()).containsOnly("/");
        assertThat(entries.get(11).targetTexts().get(2024)).isEqualTo(">70");
        assertThat(entries.get(16).name()).isEqualTo("保障性租赁住房累计建设筹集套(间)数");
        assertThat(entries.get(16).unit()).isEqualTo("万套");

        // the same numbers whichever way they were stored: "4.0" as text, or the number 4
        String y2023 = first.targetTexts().get(2023);
        if (variant == Variant.TYPED_XLSX) {
            assertThat(y2023).isEqualTo("4.0");
        } else {
            assertThat(y2023).isEqualTo("4");
        }
        assertThat(Target.parse(y2023, "higher").value()).isEqualByComparingTo("4.0");
        assertThat(Target.parse(entries.get(9).targetTexts().get(2025), "higher").value()).isEqualByComparingTo("83");
    }

    @Test
    void rejectsABadCellWithItsReferenceAndKeepsTheOtherRows() throws Exception {
        Path file = dir.resolve("catalog.xlsx");
        String table = CatalogWorkbookWriter.PLAN_TABLE.replace("\t2\t普惠托位占比(%)", "\t二\t普惠托位占比(%)")
                .replace("高等教育毛入学率(%)", "高等教育毛入学率");
        CatalogWorkbookWriter.write(file, Variant.TYPED_XLSX, table);

        CatalogWorkbookReader.Result result = new CatalogWorkbookReader().read(file);

        assertThat(result.entries()).hasSize(19);
        assertThat(result.rejects()).extracting(r -> r.cellRef() + " " + r.reasonCode())
                .containsExactly("五年目标!B4 CATALOG_BAD_SEQ", "五年目标!C8 CATALOG_NO_UNIT");
        assertThat(result.rejects().get(1).messageZh()).contains("计量单位");
        assertThat(result.counts().rowsRejected()).isEqualTo(2);
        assertThat(result.counts().rowsRead()).isEqualTo(19 + 2 + 3);
    }

    @Test
    void aWorkbookWithoutTheTableIsAClearError() throws Exception {
        Path file = dir.resolve("other.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = java.nio.file.Files.newOutputStream(file)) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("随便什么");
            wb.write(out);
        }
        assertThatThrownBy(() -> new CatalogWorkbookReader().read(file))
                .hasMessageContaining("other.xlsx").hasMessageContaining("表头");
    }
}

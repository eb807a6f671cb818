package com.qiyouxiang.intake.spreadsheet;

import java.sql.Connection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The set-up the sheet readers' tests share: one warehouse with the reference data loaded once per class, and the
 * {@link ReferenceData} and rules the readers take (ReferenceData loads only from a warehouse).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReaderTestBase extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;
    @Autowired
    Warehouse warehouse;
    @Autowired
    ValueRules rules;
    ReferenceData reference;

    @BeforeAll
    void reference() throws Exception {
        IngestRuns.reference(jobs, referenceJob);
        try (Connection c = warehouse.connect()) {
            reference = ReferenceData.load(c);
        }
    }
}

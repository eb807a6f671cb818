package com.qiyouxiang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for job tests: a real DuckDB warehouse file and a real H2 metadata file in a fresh temporary
 * folder per test class, the launcher off (tests launch jobs through JobOperatorTestUtils). Each
 * test class gets a Spring context, and so a warehouse, of its own: {@code @DirtiesContext} closes
 * it after the class (Spring 7 honours it inherited from here, but not as a meta-annotation). The
 * methods of one class share the warehouse.
 * A subclass uses the folders below ({@link #outputDir}, {@link #feedbackDir}, {@link #archiveDir})
 * rather than registering the same keys again (which registration wins is not defined); the
 * warehouse's folder is {@code warehouse.path().getParent()}.
 */
@SpringBootTest(properties = "qyx.launcher.enabled=false")
@SpringBatchTest
@DirtiesContext
public abstract class WarehouseJobTest {

    @Value("${qyx.output-dir}")
    protected Path outputDir;

    @Value("${qyx.feedback-dir}")
    protected Path feedbackDir;

    @Value("${qyx.archive-dir}")
    protected Path archiveDir;

    @DynamicPropertySource
    static void warehouseProperties(DynamicPropertyRegistry registry) throws IOException {
        // a UUID, not createTempDirectory's random number: that is 18 digits one time in twenty, and the logged
        // path then looks like an ID number to PersonalDataScanTest's scan of the log
        Path work = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir"), "qyx-test-" + UUID.randomUUID()));
        registry.add("qyx.warehouse-path", () -> work.resolve("warehouse.duckdb").toString());
        registry.add("qyx.metadata-path", () -> work.resolve("batch-metadata").toString());
        registry.add("qyx.work-dir", work::toString);
        // everything a run writes stays in the test's folder (the inbox is the committed samples: read only)
        registry.add("qyx.output-dir", () -> work.resolve("out").toString());
        registry.add("qyx.archive-dir", () -> work.resolve("archive").toString());
        registry.add("qyx.quarantine-dir", () -> work.resolve("quarantine").toString());
        registry.add("qyx.feedback-dir", () -> work.resolve("out/feedback").toString());
        registry.add("qyx.log-dir", () -> work.resolve("logs").toString());
        // test inboxes are no bundled samples: the demo key is refused there
        registry.add("qyx.platform.hash-key", () -> "TEST-KEY-for-tests-only");
    }
}

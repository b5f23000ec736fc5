package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RowsFilesTest {

    @Test
    void lettersDigitsSpacesAndPunctuationThatIsSafeStay() {
        assertThat(RowsFiles.fileSafe("Get all email_changes-2.v1")).isEqualTo("Get all email_changes-2.v1");
    }

    @Test
    void everyOtherByteIsEscapedAndThePercentSignToo() {
        assertThat(RowsFiles.fileSafe("a/b\\c:ü%")).isEqualTo("a%2Fb%5Cc%3A%C3%BC%25");
        assertThat(RowsFiles.fileSafe("100%2F")).as("never the same as a/ escaped").isEqualTo("100%252F");
    }

    @Test
    void aLeadingDotAndATrailingDotOrSpaceAreEscaped() {
        assertThat(RowsFiles.fileSafe("..")).isEqualTo("%2E%2E");
        assertThat(RowsFiles.fileSafe(".hidden")).isEqualTo("%2Ehidden");
        assertThat(RowsFiles.fileSafe("end ")).isEqualTo("end%20");
    }

    @Test
    void theReportNamesAFileRelativeToItsFolderWithSlashes() {
        Path output = Path.of("/srv/monitor/output");
        Path file = RowsFiles.of(output, "20261128T191500Z-9acc8c32", "crm", "Get all email changes");

        assertThat(RowsFiles.relative(output, file))
                .isEqualTo("20261128T191500Z-9acc8c32/crm/Get all email changes.parquet");
        assertThat(RowsFiles.relative(output, null)).isNull();
    }
}

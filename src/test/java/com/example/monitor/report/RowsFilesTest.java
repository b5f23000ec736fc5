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

    /** 44 Cyrillic letters escape to 264 bytes: the file, and its temp name, were "File name too long". */
    @Test
    void aNameTooLongOnceEscapedIsCutAndEndsWithItsHashSoEveryFileNameFits() {
        String cyrillic = "Изменения адресов электронной почты клиентов";
        String safe = RowsFiles.fileSafe(cyrillic);

        assertThat(safe).hasSizeLessThanOrEqualTo(RowsFiles.MAX_NAME).matches("(%[0-9A-F]{2}|[^%~])+~[0-9a-f]{16}")
                .startsWith(RowsFiles.fileSafe("Изменения адресов"));
        assertThat(RowsFiles.fileSafe(cyrillic)).as("the same name, the same file").isEqualTo(safe);
        assertThat(RowsFiles.fileSafe(cyrillic + "!")).as("names that share the kept part differ").isNotEqualTo(safe);
        // ".<name>.parquet-<uuid>.tmp", the writer's temp name, fits a 255-byte file name
        assertThat(1 + safe.length() + RowsFiles.EXTENSION.length() + 1 + 36 + 4).isLessThanOrEqualTo(255);
        String ascii = "x".repeat(RowsFiles.MAX_NAME);
        assertThat(RowsFiles.fileSafe(ascii)).isEqualTo(ascii);
        assertThat(RowsFiles.fileSafe(ascii + "x")).hasSize(RowsFiles.MAX_NAME).endsWith(
                RowsFiles.fileSafe(ascii + "x").substring(RowsFiles.MAX_NAME - 17));
        assertThat(RowsFiles.fileSafe("~")).as("a ~ of a name is escaped").isEqualTo("%7E");
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

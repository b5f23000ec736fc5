package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.SpecialFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The working directory's application.properties is checked before Camel loads it; absent is fine. */
class PropertiesFileCheckTest {

    @TempDir
    Path dir;

    @Test
    void anAbsentFileHasNoProblemAndNoKeys() {
        Path absent = dir.resolve("application.properties");

        assertThat(PropertiesFileCheck.problems(absent)).isEmpty();
        assertThat(PropertiesFileCheck.keys(absent)).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIsAProblemEvenThroughAContinuationLineOrAnotherSeparator() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), """
                monitor.output-dir = reports
                monitor.fetch-size = 10
                monitor.output-dir : \\
                    other
                monitor.fetch-size 20
                camel.main.name = x
                """);

        assertThat(PropertiesFileCheck.problems(file)).containsExactly(
                file + ": monitor.output-dir is given twice; keep one (Camel would take the last without a word)",
                file + ": monitor.fetch-size is given twice; keep one (Camel would take the last without a word)");
        assertThat(PropertiesFileCheck.keys(file))
                .containsExactlyInAnyOrder("monitor.output-dir", "monitor.fetch-size", "camel.main.name");
    }

    /** Camel keeps the trailing space of "10 " and reads the value as 0 seconds. */
    @Test
    void aCamelWholeNumberOptionCamelWouldMisreadIsAProblemNamingTheFileAndKey() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), """
                camel.main.shutdown-timeout = 10\s
                camel.main.name = x
                camel.server.port = 8080x
                """);

        assertThat(PropertiesFileCheck.problems(file)).containsExactly(
                file + ": camel.main.shutdown-timeout: has white space around its value, which Camel keeps and then"
                        + " reads as 0; remove it",
                file + ": camel.server.port: expects a whole number (Camel reads other text its own way: abc as 0, 30s as"
                        + " 30000)");
    }

    @Test
    void aCamelKeyCamelWouldIgnoreForASlipInItsGroupIsAProblemNamingTheKeyMeant() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), """
                camel.mian.name = x
                camel.main.name = y
                """);

        assertThat(PropertiesFileCheck.problems(file)).containsExactly(file + ": camel.mian.name: Camel reads no"
                + " camel.mian.* options and would ignore this key without a word; did you mean camel.main.name?");
    }

    @Test
    void aCamelOptionUnderTwoSpellingsIsAKeyGivenTwice() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), """
                camel.main.shutdown-timeout = 5
                camel.main.shutdownTimeout = 6
                """);

        assertThat(PropertiesFileCheck.problems(file)).containsExactly(file + ": camel.main.shutdownTimeout is given"
                + " twice; keep one (Camel would take the last without a word)");
    }

    @Test
    void latinOneBytesAreAProblemRatherThanAValueWithAReplacementCharacter() throws Exception {
        Path file = Files.write(dir.resolve("application.properties"),
                "monitor.output-dir = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(PropertiesFileCheck.problems(file)).containsExactly("cannot read " + file + " (not valid UTF-8 text)");
    }

    @Test
    void utf8TextAndEscapesAreRead() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"),
                "monitor.output-dir = café\nmonitor.http.token = \\u00e9t\u00e9\n");

        assertThat(PropertiesFileCheck.problems(file)).isEmpty();
        assertThat(PropertiesFileCheck.keys(file)).containsExactlyInAnyOrder("monitor.output-dir", "monitor.http.token");
    }

    @Test
    void aMalformedUnicodeEscapeIsAProblemNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"), "monitor.output-dir = \\u00zz\n");

        assertThat(PropertiesFileCheck.problems(file)).singleElement().asString()
                .startsWith(file + ": ").containsIgnoringCase("malformed");
    }

    @Test
    void aFolderOrALinkToNothingIsAProblemNotAnAbsentFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("application.properties"));
        Path dangling = SpecialFiles.symlink(dir.resolve("linked.properties"), dir.resolve("nowhere"));

        assertThat(PropertiesFileCheck.problems(folder)).containsExactly("cannot read " + folder + " (is a directory)");
        assertThat(PropertiesFileCheck.problems(dangling))
                .containsExactly("cannot read " + dangling + " (a link to a missing file)");
    }
}

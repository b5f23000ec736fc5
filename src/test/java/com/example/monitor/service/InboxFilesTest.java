package com.example.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.LogCapture;
import com.example.monitor.testing.InboxServiceTestSupport;
import com.example.monitor.testing.PerTest;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.SpecialFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * The inbox as a folder shared with careless and hostile neighbours, on real files (links, FIFOs,
 * empty and huge files) and a real PostgreSQL: nothing is opened but a regular file under the limit,
 * nothing is followed out of the folder, no request is lost and nothing archived is overwritten.
 */
class InboxFilesTest extends InboxServiceTestSupport {

    private static final Duration REQUEST_DONE = Duration.ofSeconds(15);
    private static final String SECRET = "TOPSECRET_db_password_hunter2";

    /** The test plants a claim in {@code .inprogress/} before the service starts, as a killed one leaves it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface LeftOverClaim {
        String value();

        /** A new request waits in the inbox under the left-over's name too. */
        boolean newRequestUnderItsName() default false;
    }

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return startDateProject(POSTGRES.server(), "inbox_files");
    }

    @Override
    protected Properties monitorProperties() {
        PerTest.annotation(LeftOverClaim.class).ifPresent(claim -> {
            plant(inboxDir().resolve(".inprogress"), claim.value());
            if (claim.newRequestUnderItsName()) {
                plant(inboxDir(), claim.value().substring(0, claim.value().lastIndexOf('.')));
            }
        });
        return super.monitorProperties();
    }

    @Test
    void aLinkToASecretFileOutsideTheInboxGoesToErrorUnreadAndTheSecretAppearsNowhere() throws Exception {
        Path secret = Files.writeString(PerTest.folder().resolve("secret.txt"), SECRET + "\n");
        try (LogCapture log = LogCapture.atLevel(Level.DEBUG)) {
            SpecialFiles.symlink(inbox.dir().resolve("leak.json"), secret);

            await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                    .containsExactly(".error/leak.json.reason.txt"));
            Path archived = inbox.archived(inbox.error(), "leak.json", "");
            assertThat(Files.isSymbolicLink(archived)).as("the link itself moved, not a copy of what it points to").isTrue();
            assertThat(Files.readString(inbox.archived(inbox.error(), "leak.json", ".reason.txt")))
                    .isEqualTo("not read: a symbolic link" + System.lineSeparator());
            assertThat(log.text()).contains("leak.json").doesNotContain(SECRET);
        }
        assertThat(Files.readString(secret)).isEqualTo(SECRET + "\n");
        assertThat(everyRegularFileUnder(inbox.dir())).noneMatch(text -> text.contains(SECRET));
        assertThat(everyRegularFileUnder(reports.dir())).noneMatch(text -> text.contains(SECRET));
        assertThat(reports.all()).isEmpty();
    }

    @Test
    void aHardLinkToASecretFileGoesToErrorUnreadAndTheSecretAppearsNowhere() throws Exception {
        Path secret = Files.writeString(PerTest.folder().resolve("secret.txt"), SECRET + "\n");
        try (LogCapture log = LogCapture.atLevel(Level.DEBUG)) {
            Files.createLink(inbox.dir().resolve("hard.json"), secret);

            await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                    .containsExactly(".error/hard.json", ".error/hard.json.reason.txt"));
            assertThat(Files.readString(inbox.archived(inbox.error(), "hard.json", ".reason.txt")))
                    .isEqualTo("not read: a hard link to another file" + System.lineSeparator());
            assertThat(log.text()).doesNotContain(SECRET);
        }
        assertThat(Files.readString(inbox.archived(inbox.error(), "hard.json", ".reason.txt"))).doesNotContain(SECRET);
        assertThat(reports.all()).isEmpty();
    }

    /** A regular expression's "." stops at a line break: such a name used to sit in the inbox forever, unlogged. */
    @Test
    void aRequestWhoseNameHoldsALineBreakRunsLikeAnyOther() throws Exception {
        String name = "new\nline.json";
        inbox.drop(name, "{\"startDate\": \"2026-10-01\"}");

        await().atMost(REQUEST_DONE).until(() -> reports.oneWithTrigger("file:" + name).isPresent());
        await().atMost(REQUEST_DONE).until(() -> inbox.allFiles().stream().anyMatch(file -> file.startsWith(".done/new\nline.json")));
        assertThat(inbox.has(name)).isFalse();
    }

    /** Camel read the backslash as a folder separator: its claim of a/b.json failed, and the file stayed for good. */
    @Test
    void aRequestWhoseNameHoldsABackslashGoesToErrorWithItsReasonAndTheNextRequestRuns() throws Exception {
        String name = "a\\b.json";
        inbox.drop(name, "{\"startDate\": \"2026-10-01\"}");

        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                .containsExactlyInAnyOrder(".error/" + name, ".error/" + name + ".reason.txt"));
        assertThat(Files.readString(inbox.archived(inbox.error(), name, ".reason.txt"))).isEqualTo("its name holds a"
                + " backslash, which Camel's file component reads as a folder separator; drop the request again under a"
                + " name without one" + System.lineSeparator());
        inbox.drop("after-backslash.json", "{\"startDate\": \"2026-10-01\"}");

        await().atMost(REQUEST_DONE).until(() -> reports.oneWithTrigger("file:after-backslash.json").isPresent());
        assertThat(reports.all()).hasSize(1);
        assertThat(inbox.has(name)).isFalse();
    }

    /** Camel skips hidden files: a request dropped as .x.json used to wait in the inbox without a word. */
    @Test
    void aHiddenRequestIsNamedInTheLogOnceAndLeftAloneAndOtherHiddenFilesAreNotMentioned() throws Exception {
        try (LogCapture log = LogCapture.atLevel(Level.INFO)) {
            inbox.drop(".hidden.json", "{\"startDate\": \"2026-10-01\"}");
            inbox.drop(".editor.json.swp", "swap");
            inbox.drop("first.json", "{\"startDate\": \"2026-10-01\"}");
            await().atMost(REQUEST_DONE).until(() -> reports.oneWithTrigger("file:first.json").isPresent());
            // a second request, so the inbox has been polled again since the hidden one was seen
            inbox.drop("second.json", "{\"startDate\": \"2026-10-01\"}");
            await().atMost(REQUEST_DONE).until(() -> reports.oneWithTrigger("file:second.json").isPresent());

            assertThat(log.lines()).filteredOn(line -> line.contains(".hidden.json")).singleElement().asString()
                    .contains("WARN").contains("is not read: its name starts with '.'");
            assertThat(log.text()).doesNotContain(".editor.json.swp");
        }
        assertThat(inbox.has(".hidden.json")).isTrue();
        assertThat(inbox.has(".editor.json.swp")).isTrue();
        assertThat(reports.all()).hasSize(2);
    }

    @Test
    void aFifoRequestGoesToErrorUnopenedAndTheNextRequestRuns() throws Exception {
        SpecialFiles.fifo(inbox.dir().resolve("pipe.json"));

        await().atMost(REQUEST_DONE).until(() -> inbox.allFiles().contains(".error/pipe.json.reason.txt"));
        assertThat(Files.readString(inbox.archived(inbox.error(), "pipe.json", ".reason.txt")))
                .startsWith("not read: not a regular file");
        inbox.drop("after-pipe.json", "{\"startDate\": \"2026-10-01\"}");

        await().atMost(REQUEST_DONE).until(() -> reports.oneWithTrigger("file:after-pipe.json").isPresent());
        assertThat(reports.all()).hasSize(1);
    }

    @Test
    void anEmptyRequestGoesToErrorAndAValidOneDroppedAfterItRunsWithinSeconds() throws Exception {
        Instant now = Instant.now();
        inbox.drop("empty.json", "", now.minusSeconds(2));
        inbox.drop("valid.json", "{\"startDate\": \"2026-10-01\"}", now.minusSeconds(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> reports.oneWithTrigger("file:valid.json").isPresent());
        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles()).containsExactly(
                ".done/valid.json", ".done/valid.json.report.txt",
                ".error/empty.json", ".error/empty.json.reason.txt"));
        assertThat(Files.readString(inbox.archived(inbox.error(), "empty.json", ".reason.txt")))
                .startsWith("empty request");
    }

    @Test
    void aRequestOfOneMegabyteIsRefusedUnreadAndRunsNothing() throws Exception {
        String huge = "{\"startDate\": \"2026-10-01\", \"pad\": \"" + "x".repeat(1 << 20) + "\"}";
        inbox.drop("huge.json", huge);

        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                .containsExactly(".error/huge.json", ".error/huge.json.reason.txt"));
        assertThat(Files.readString(inbox.archived(inbox.error(), "huge.json", ".reason.txt")))
                .isEqualTo("not read: larger than 64 KB (" + huge.length() + " bytes)" + System.lineSeparator());
        assertThat(reports.all()).isEmpty();
    }

    @Test
    void aRequestWithANameTooLongToClaimAsItIsRunsUnderItsNameCutToFit() {
        String name = "é".repeat(120) + ".json";

        inbox.drop(name, "{\"startDate\": \"2026-10-01\"}");

        await().atMost(REQUEST_DONE).until(() -> reports.all().size() == 1);
        String trigger = reports.all().get(0).get("trigger").asText();
        assertThat(trigger).startsWith("file:" + "é".repeat(80)).hasSizeLessThan(("file:" + name).length());
        await().atMost(REQUEST_DONE).until(() -> inbox.doneFiles().size() == 2);
        assertThat(inbox.has(name)).isFalse();
    }

    @Test
    void theSameNameDroppedWhileItsRunGoesOnAndAgainAfterItFinishedMakesThreeRunsAndThreeRecords() throws Exception {
        inbox.drop("again.json", "{\"startDate\": \"2026-10-01\"}");
        // claimed: the name is free in the inbox while the first run goes on
        await().atMost(REQUEST_DONE).until(() -> !inbox.runIdsOf(inbox.inProgress(), "again.json").isEmpty());
        inbox.drop("again.json", "{\"startDate\": \"2026-10-02\"}");
        await().atMost(REQUEST_DONE).until(() -> reports.withTrigger("file:again.json").size() == 2);
        await().atMost(REQUEST_DONE).until(() -> inbox.runIdsOf(inbox.done(), "again.json").size() == 2);
        inbox.drop("again.json", "{\"startDate\": \"2026-10-03\"}");

        await().atMost(REQUEST_DONE).until(() -> inbox.runIdsOf(inbox.done(), "again.json").size() == 3);
        List<JsonNode> runs = reports.withTrigger("file:again.json");
        assertThat(runs).extracting(report -> report.get("startDate").asText())
                .containsExactly("2026-10-01T00:00:00", "2026-10-02T00:00:00", "2026-10-03T00:00:00");
        assertThat(inbox.runIdsOf(inbox.done(), "again.json"))
                .containsExactlyElementsOf(runs.stream().map(report -> report.get("runId").asText()).toList());
        for (JsonNode run : runs) {
            String runId = run.get("runId").asText();
            assertThat(Files.readString(inbox.done().resolve("again.json." + runId))).contains(
                    run.get("startDate").asText().substring(0, 10));
            assertThat(Files.readString(inbox.done().resolve("again.json." + runId + ".report.txt")))
                    .contains("runId: " + runId).contains("status: completed");
        }
        assertThat(inbox.allFiles()).allMatch(file -> file.startsWith(".done/again.json"));
    }

    @Test
    @LeftOverClaim("old.json.20261128T191500Z-9acc8c32")
    void aRequestLeftClaimedByAKilledServiceRunsAgainAtStartUpUnderANewRunId() throws Exception {
        await().atMost(REQUEST_DONE).until(() -> reports.oneWithTrigger("file:old.json").isPresent());
        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                .containsExactly(".done/old.json", ".done/old.json.report.txt"));
        String runId = reports.oneWithTrigger("file:old.json").orElseThrow().get("runId").asText();
        assertThat(runId).isNotEqualTo("20261128T191500Z-9acc8c32");
        assertThat(inbox.runIdsOf(inbox.done(), "old.json")).containsExactly(runId);
    }

    @Test
    @LeftOverClaim(value = "taken.json.20261128T191500Z-9acc8c32", newRequestUnderItsName = true)
    void aLeftOverWhoseNameANewRequestTookRunsAgainUnderItsRunIdBesideTheNewOne() throws Exception {
        await().atMost(REQUEST_DONE).until(() -> reports.all().size() == 2);

        assertThat(reports.all()).extracting(report -> report.get("trigger").asText()).containsExactlyInAnyOrder(
                "file:taken.json", "file:20261128T191500Z-9acc8c32-taken.json");
    }

    @Test
    void aLinkPlantedInEveryArchiveFolderIsNeitherWrittenThroughNorFollowed() throws Exception {
        Path victim = Files.writeString(PerTest.folder().resolve("victim.txt"), "untouched\n");
        List<Path> planted = Stream.of(inbox.done(), inbox.error(), inbox.cancelled())
                .map(folder -> SpecialFiles.symlink(folder.resolve("planted.json.report.txt"), victim)).toList();

        inbox.drop("valid.json", "{\"startDate\": \"2026-10-01\"}");
        inbox.drop("invalid.json", "{\"startDate\": ");

        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles()).containsExactly(
                ".done/valid.json", ".done/valid.json.report.txt",
                ".error/invalid.json", ".error/invalid.json.reason.txt"));
        assertThat(Files.readString(victim)).isEqualTo("untouched\n");
        assertThat(planted).allMatch(Files::isSymbolicLink);
    }

    @Test
    void aDoneFolderTurnedIntoALinkWhileTheServiceRunsIsRefusedAndTheRequestGoesToError() throws Exception {
        Path elsewhere = Files.createDirectories(PerTest.folder().resolve("elsewhere"));
        Files.delete(inbox.done());
        SpecialFiles.symlink(inbox.done(), elsewhere);

        inbox.drop("linked-done.json", "{\"startDate\": \"2026-10-01\"}");

        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                .containsExactly(".error/linked-done.json", ".error/linked-done.json.reason.txt"));
        assertThat(Files.readString(inbox.archived(inbox.error(), "linked-done.json", ".reason.txt")))
                .contains("status: completed")
                .contains("not moved to .done: " + inbox.done() + " is a symbolic link, not a folder");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aRequestWhoseReportCannotBeWrittenGoesToErrorWithThatReason() throws Exception {
        // a file where the output folder should be: the report has nowhere to go
        Files.writeString(Files.createDirectories(reports.dir().getParent()).resolve("output"), "not a folder");

        inbox.drop("unreported.json", "{\"startDate\": \"2026-10-01\"}");

        await().atMost(REQUEST_DONE).untilAsserted(() -> assertThat(inbox.allFiles())
                .containsExactly(".error/unreported.json", ".error/unreported.json.reason.txt"));
        assertThat(Files.readString(inbox.archived(inbox.error(), "unreported.json", ".reason.txt")))
                .contains("status: no report").contains("report: not written: ");
    }

    private static List<String> everyRegularFileUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .map(file -> read(file)).toList();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void plant(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), "{}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

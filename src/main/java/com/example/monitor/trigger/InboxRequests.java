package com.example.monitor.trigger;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.report.RunReport;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.RunRequest;
import com.example.monitor.files.FileKind;
import com.example.monitor.files.Folder;
import com.example.monitor.files.RefusedFileException;
import com.example.monitor.run.InvalidRunRequestException;
import com.example.monitor.run.RunRequestReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request file dropped in the inbox: {@code {}}, {@code {"startDate": "2026-10-01"}} or
 * {@code {"lookbackDays": 7}}. The route has claimed it first, by moving it to
 * {@code .inprogress/<name>.<runId>}, so a new file under the same name is a new request. A valid one
 * ({@link RunRequestReader}, as an HTTP body is read) becomes the run's {@link RunRequest} and, after its run, goes to {@code .done/} (or {@code .cancelled/}, or
 * {@code .error/} when its report could not be written) with a {@code .report.txt}; an invalid one goes
 * to {@code .error/} with a {@code .reason.txt}. Each keeps its claimed name, so nothing archived is
 * ever overwritten, and only a regular file, not a link, under the size limit is ever opened.
 */
public final class InboxRequests implements GenericFileFilter<File> {

    /** Its name in the registry, as the inbox routes of triggers.camel.yaml name it. */
    public static final String BEAN = "inboxRequests";

    /** Beside a processed request: the runId, status and report path of its run. */
    public static final String REPORT_SUFFIX = ".report.txt";
    /** Beside a refused request: why, without quoting it. */
    public static final String REASON_SUFFIX = ".reason.txt";
    /** A file name holds 255 bytes: the claim leaves room for .report.txt and the temp file it is written as. */
    private static final int MAX_NAME_BYTES = 200;
    /** Bounds the memory of hidden names already warned about; past it, each is named once more. */
    private static final int MAX_HIDDEN_NAMES_REMEMBERED = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(InboxRequests.class);

    private final RunRequestReader reader;
    private final Path inbox;
    private final Set<PosixFilePermission> filePermissions;
    private final Supplier<String> runIds;
    private final Set<String> hiddenNamesWarned = ConcurrentHashMap.newKeySet();

    /**
     * @param inbox monitor.inbox-dir; null when there is none (requests come over HTTP only)
     * @param filePermissions of the reason and report files, as of the reports
     * @param runIds makes the run id a request is claimed under, and later runs as
     */
    public InboxRequests(RunRequestReader reader, Path inbox, Set<PosixFilePermission> filePermissions,
            Supplier<String> runIds) {
        this.reader = reader;
        this.inbox = inbox;
        this.filePermissions = Set.copyOf(filePermissions);
        this.runIds = runIds;
    }

    /**
     * The name a request is claimed under, {@code <name>.<runId>}: the route's preMove calls it once
     * per file. A name too long for that (a file name holds at most 255 bytes, and the claim's
     * {@code .report.txt} needs room too) is cut to fit, so the claim and its archive cannot fail and
     * leave the file to be tried again at every poll.
     */
    public String claimName(Exchange exchange) {
        return fitted(exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class), "." + newRunId());
    }

    private static String fitted(String name, String suffix) {
        int room = MAX_NAME_BYTES - suffix.length();
        while (name.getBytes(StandardCharsets.UTF_8).length > room) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
        }
        return name + suffix;
    }

    private String newRunId() {
        return runIds.get();
    }

    /**
     * The inbox consumer's filter (triggers.camel.yaml): a name Camel's file component cannot take is
     * refused before Camel tries to claim it. Camel reads a backslash in a name as a folder separator,
     * so its claim of {@code a\b.json} looks for {@code a/b.json}, fails, and leaves the file to fail
     * again at every poll; it goes to {@code .error/} with its reason instead.
     */
    @Override
    public boolean accept(GenericFile<File> candidate) {
        Path file = candidate.getFile().toPath();
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
            warnOnceIfMeantAsARequest(name);
            return false;
        }
        if (!name.contains("\\") || FileKind.of(file) == FileKind.DIRECTORY) {
            return true;
        }
        String reason = "its name holds a backslash, which Camel's file component reads as a folder separator;"
                + " drop the request again under a name without one";
        try {
            Path archived = archive(file, file.getParent(), fitted(name, "." + newRunId()), InboxFolder.ERROR,
                    REASON_SUFFIX, List.of(reason));
            LOG.warn("request {} is invalid, moved to {}: {}", name, archived, reason);
        } catch (IOException e) {
            LOG.warn("request {} is invalid ({}) and could not be moved to {}: {}", name, reason, InboxFolder.ERROR, e.toString());
        }
        return false;
    }

    /**
     * A hidden file is never a request: editors, copies from macOS ({@code ._x.json}) and tools that
     * write a file before renaming it leave such names, and those are theirs. One named like a request
     * is named in the log once, so a request dropped under a hidden name does not wait in silence.
     */
    private void warnOnceIfMeantAsARequest(String name) {
        if (name.endsWith(".json") && hiddenNamesWarned.add(name)) {
            if (hiddenNamesWarned.size() > MAX_HIDDEN_NAMES_REMEMBERED) {
                hiddenNamesWarned.clear();
                hiddenNamesWarned.add(name);
            }
            LOG.warn("{} in the inbox is not read: its name starts with '.', which marks a hidden file; drop the"
                    + " request again under a name without the leading '.'", name);
        }
    }

    public void read(Exchange exchange) throws IOException {
        Claim claim = Claim.of(exchange);
        List<String> problems = new ArrayList<>();
        byte[] request = readClaimed(claim.file(), problems);
        if (request != null) {
            try {
                exchange.setProperty(MonitorConstants.RUN_REQUEST_PROPERTY, reader.read(request, AnalysisRun.FILE_TRIGGER)
                        .withRequestFile(claim.requestName()).withRunId(claim.runId()));
                exchange.setProperty(MonitorConstants.REQUEST_VALID_PROPERTY, true);
                return;
            } catch (InvalidRunRequestException e) {
                problems.addAll(e.problems());
            }
        }
        Path archived = archive(claim, InboxFolder.ERROR, REASON_SUFFIX, problems);
        LOG.warn("request {} is invalid, moved to {}: {}", claim.requestName(), archived, String.join("; ", problems));
        exchange.setProperty(MonitorConstants.REQUEST_VALID_PROPERTY, false);
    }

    /**
     * After the request's run: it goes to {@code .cancelled/} when its run never started (the service
     * was stopping), to {@code .error/} when its report could not be written, else to {@code .done/};
     * beside it, {@code <name>.<runId>.report.txt} gives the runId and the report, which in turn names
     * the request file.
     */
    public void settle(Exchange exchange) throws IOException {
        Claim claim = Claim.of(exchange);
        AnalysisRun run = exchange.getProperty(MonitorConstants.RUN_PROPERTY, AnalysisRun.class);
        RunReport report = exchange.getProperty(MonitorConstants.REPORT_PROPERTY, RunReport.class);
        InboxFolder outcome = report == null ? InboxFolder.ERROR
                : run != null && run.wasCancelledBeforeStart() ? InboxFolder.CANCELLED : InboxFolder.DONE;
        List<String> lines = new ArrayList<>();
        lines.add("runId: " + (run == null ? "none" : run.runId()));
        lines.add("status: " + (report == null ? "no report" : report.status()));
        lines.add("report: " + (report == null ? "not written: "
                + exchange.getProperty(MonitorConstants.REPORT_ERROR_PROPERTY, "unknown cause", String.class)
                : report.reportFile()));
        Path archived;
        try {
            archived = archive(claim, outcome, outcome == InboxFolder.ERROR ? REASON_SUFFIX : REPORT_SUFFIX, lines);
        } catch (RefusedFileException e) {
            // the folder became a link (or a file) since start-up: nothing is written through it
            LOG.error("request {}: {} refused ({}); moved to {} instead", claim.requestName(), outcome, e.getMessage(),
                    InboxFolder.ERROR);
            lines.add("not moved to " + outcome + ": " + e.getMessage());
            archived = archive(claim, InboxFolder.ERROR, REASON_SUFFIX, lines);
        }
        LOG.info("request {} ran as {}, moved to {}", claim.requestName(), run == null ? "none" : run.runId(), archived);
    }

    /**
     * A cancel file that cancelled a run is kept in {@code .done/} as {@code cancel.<id>}, a name of its
     * own, holding the id of the run it cancelled.
     */
    public void keepCancelFile(Exchange exchange) throws IOException {
        String cancelled = exchange.getMessage().getBody(String.class);
        Folder done = Folder.open(Path.of(exchange.getMessage().getHeader(Exchange.FILE_PARENT, String.class))
                .resolve(InboxFolder.DONE.folderName()), filePermissions);
        done.writeText("cancel." + newRunId(), "cancelled run: " + cancelled + System.lineSeparator());
    }

    /**
     * Why the inbox cannot be served: one line per archive folder that is a link or not a folder.
     * The service writes only into real folders, so such a one stops it at start-up.
     */
    public static List<String> folderProblems(Path inbox) {
        List<String> problems = new ArrayList<>();
        for (InboxFolder folder : InboxFolder.values()) {
            String problem = Folder.problemWith(folder.in(inbox));
            if (problem != null) {
                problems.add("monitor.inbox-dir: " + problem + "; the service writes only into real folders");
            }
        }
        return problems;
    }

    /**
     * When this process takes the lead (alone: at start-up), a request still claimed in
     * {@code .inprogress/} was taken by a leader that died before its run ended, so it left no report:
     * it moves back into the inbox, to run again like a new request. Its name is kept unless a new
     * request has taken it meanwhile; then it comes back as {@code <runId>-<name>}.
     *
     * @return the requests moved back, as they are now named in the inbox
     */
    public List<Path> requeueLeftOvers() throws IOException {
        if (inbox == null) {
            return List.of();
        }
        Path real = inbox.toRealPath();
        Folder inProgress = Folder.open(InboxFolder.IN_PROGRESS.in(real), filePermissions);
        Folder requests = Folder.open(real, filePermissions);
        List<Path> moved = new ArrayList<>();
        for (Path file : inProgress.list()) {
            Claim claim = new Claim(file, file.getFileName().toString());
            if (claim.claimedName().startsWith(".")) {
                continue;
            }
            String name = FileKind.of(real.resolve(claim.requestName())) == FileKind.MISSING ? claim.requestName()
                    : claim.runId() + "-" + claim.requestName();
            moved.add(requests.moveIn(file, name));
        }
        if (!moved.isEmpty()) {
            LOG.warn("{} request(s) left in {} by a leader that did not finish them (killed?) moved back into the inbox"
                    + " to run again: {}", moved.size(), inProgress.path(), moved.stream()
                    .map(path -> path.getFileName().toString()).collect(Collectors.joining(", ")));
        }
        return moved;
    }

    /** The request's bytes, or null with the problem added when it is not one to open or read. */
    private byte[] readClaimed(Path file, List<String> problems) throws IOException {
        // .inprogress/ turned into a link since start-up would lead the claim out of the inbox
        Folder.open(file.getParent(), filePermissions);
        byte[] bytes;
        try {
            bytes = Folder.readRegular(file, RunRequest.MAX_BYTES);
        } catch (RefusedFileException e) {
            problems.add("not read: " + e.getMessage());
            return null;
        } catch (AccessDeniedException e) {
            problems.add("not read: permission denied");
            return null;
        }
        if (bytes.length == 0) {
            problems.add("empty request: write {} to run with the defaults");
            return null;
        }
        return bytes;
    }

    /** Moves the claimed request into {@code folder} under its claimed name, with a text file beside it. */
    private Path archive(Claim claim, InboxFolder archive, String suffix, List<String> lines) throws IOException {
        return archive(claim.file(), claim.file().getParent().getParent(), claim.claimedName(), archive, suffix, lines);
    }

    /** Moves {@code file} into the inbox's {@code archive} folder as {@code claimedName}, the lines beside it. */
    private Path archive(Path file, Path inbox, String claimedName, InboxFolder archive, String suffix,
            List<String> lines) throws IOException {
        Folder folder = Folder.open(archive.in(inbox), filePermissions);
        folder.writeText(claimedName + suffix, String.join(System.lineSeparator(), lines) + System.lineSeparator());
        return folder.moveIn(file, claimedName);
    }

    /** A request claimed as {@code .inprogress/<name>.<runId>}: run ids hold no dot, so the last one splits. */
    private record Claim(Path file, String claimedName) {

        static Claim of(Exchange exchange) {
            Message message = exchange.getMessage();
            return new Claim(Path.of(message.getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath(),
                    message.getHeader(Exchange.FILE_NAME_ONLY, String.class));
        }

        String requestName() {
            int dot = claimedName.lastIndexOf('.');
            return dot < 0 ? claimedName : claimedName.substring(0, dot);
        }

        String runId() {
            return claimedName.substring(claimedName.lastIndexOf('.') + 1);
        }
    }
}

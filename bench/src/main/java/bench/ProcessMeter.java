package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one case as its own process and measures it: wall time from fork to exit, peak RSS (GNU
 * {@code time -v}, else the kernel's {@code VmHWM} polled from /proc), peak and live heap from the
 * JVM's GC log, and for the app the phases read from its log's timestamps.
 */
final class ProcessMeter {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M");
    private static final Pattern USED_AT_EXIT = Pattern.compile("used (\\d+)K");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d\\d\\d) ");
    private static final long DAY_MS = 86_400_000;

    /** Whether a case is the app (its log has progress lines) or the floor. */
    enum Kind { APP, FLOOR }

    private final Path workingDir;
    private final Path logs;
    private final boolean gnuTime;
    private Process running;
    private boolean stopped;

    ProcessMeter(Path workingDir, Path logs) throws IOException, InterruptedException {
        this.workingDir = workingDir;
        this.logs = logs;
        this.gnuTime = Files.isExecutable(GNU_TIME)
                && new ProcessBuilder(GNU_TIME.toString(), "-v", "true").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    /** The command starts with {@code java}; the GC log option goes right after it. */
    Run run(String caseName, int rep, long rows, Kind kind, List<String> command)
            throws IOException, InterruptedException {
        String id = caseName + "." + rep;
        Path out = logs.resolve(id + ".out");
        Path gc = logs.resolve(id + ".gc");
        Path time = logs.resolve(id + ".time");
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", time.toString()));
        }
        full.add(command.get(0));
        full.add("-Xlog:gc,gc+heap+exit:file=" + gc);
        full.addAll(command.subList(1, command.size()));

        long startOfDay = LocalTime.now().toNanoOfDay() / 1_000_000;
        long t0 = System.nanoTime();
        Process process = start(new ProcessBuilder(full).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()));
        long rssKb = gnuTime ? 0 : pollHighWaterMark(process);
        int exit = process.waitFor();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        if (gnuTime) {
            rssKb = firstNumber(time, MAX_RSS);
        }
        long[] heap = heap(gc);
        Long[] phases = kind == Kind.APP ? phases(out, startOfDay, wallMs) : new Long[4];
        Run run = new Run(caseName, rep, exit, wallMs, rssKb, heap[0], heap[1] < 0 ? null : heap[1],
                phases[0], phases[1], phases[2], phases[3], rows);
        Bench.log(String.format("%-24s run %d: %6d ms, RSS %5d MB, %s", caseName, rep, wallMs, rssKb / 1024,
                exit == 0 ? "ok" : "exit " + exit + " (see " + out + ")"));
        return run;
    }

    /** Runs a helper (the AppCDS training run, the heap probe) unmeasured, its output to the log; its exit code. */
    int runHelper(List<String> command, Path log) throws IOException, InterruptedException {
        return start(new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile())).waitFor();
    }

    /** Stops the case in flight, if any, and starts no other: the bench itself is stopping. */
    synchronized void stop() {
        stopped = true;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    private synchronized Process start(ProcessBuilder builder) throws IOException {
        if (stopped) {
            throw new IllegalStateException("the bench is stopping");
        }
        running = builder.start();
        return running;
    }

    private static long pollHighWaterMark(Process process) throws InterruptedException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long kb = 0;
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            try (Stream<String> lines = Files.lines(status)) {
                kb = lines.filter(line -> line.startsWith("VmHWM:")).findFirst()
                        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(kb);
            } catch (IOException | RuntimeException e) {
                // the process ended between the check and the read
            }
        }
        return kb;
    }

    /**
     * Peak heap: the largest "before" of any GC pause, or the heap used at exit if larger (no GC at all).
     * Live heap: the largest "after" of a pause (live data plus what that pause left), -1 without a GC.
     */
    private static long[] heap(Path gcLog) throws IOException {
        long peak = 0;
        long live = -1;
        if (!Files.exists(gcLog)) {
            return new long[] {0, -1};
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = PAUSE.matcher(line);
            if (line.contains("Pause") && pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(1)));
                live = Math.max(live, Long.parseLong(pause.group(2)));
            }
            Matcher used = USED_AT_EXIT.matcher(line);
            if (line.contains("gc,heap,exit") && used.find()) {
                peak = Math.max(peak, Long.parseLong(used.group(1)) / 1024);
            }
        }
        return new long[] {peak, live};
    }

    /**
     * From the app's log: start-up (process start to the first progress line), queries (to the last
     * progress line), report (to the last line, the summary, logged once the report is in place), exit
     * (to the process's end).
     */
    private static Long[] phases(Path log, long startOfDay, long wallMs) throws IOException {
        Long first = null;
        Long lastProgress = null;
        Long last = null;
        for (String line : Files.readAllLines(log)) {
            Matcher time = LOG_TIME.matcher(line);
            if (!time.find()) {
                continue;
            }
            long since = ((Long.parseLong(time.group(1)) * 60 + Long.parseLong(time.group(2))) * 60
                    + Long.parseLong(time.group(3))) * 1000 + Long.parseLong(time.group(4)) - startOfDay;
            if (since < -DAY_MS / 2) {
                since += DAY_MS;
            }
            if (line.contains(" progress ")) {
                first = first == null ? since : first;
                lastProgress = since;
            }
            last = since;
        }
        if (first == null) {
            return new Long[4];
        }
        return new Long[] {first, lastProgress - first, last - lastProgress, wallMs - last};
    }

    private static long firstNumber(Path file, Pattern pattern) throws IOException {
        Matcher matcher = pattern.matcher(Files.exists(file) ? Files.readString(file) : "");
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}

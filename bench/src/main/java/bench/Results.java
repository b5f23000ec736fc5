package bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every measured run, and what the table makes of them: medians, ratios to the floor, costs per database. */
final class Results {

    /** The median run of a case and how many runs it is the median of. */
    record Median(Run run, int runs) {
    }

    private final List<Run> runs = new ArrayList<>();

    void add(Run run) {
        runs.add(run);
    }

    String tsv() {
        return Run.TSV_HEADER + "\n" + runs.stream().map(Run::tsv).collect(Collectors.joining("\n")) + "\n";
    }

    /** The median by wall time; with an even count, the lower of the two middle runs. */
    Optional<Median> median(String caseName) {
        List<Run> sorted = runs.stream().filter(run -> run.caseName().equals(caseName))
                .sorted(Comparator.comparingLong(Run::wallMs)).toList();
        return sorted.isEmpty() ? Optional.empty()
                : Optional.of(new Median(sorted.get((sorted.size() + 1) / 2 - 1), sorted.size()));
    }

    Optional<Run> run(String caseName, int rep) {
        return runs.stream().filter(run -> run.caseName().equals(caseName) && run.rep() == rep).findFirst();
    }

    /** One row per case, in the order the cases first ran; {@code floorOf} names the case to compare with. */
    String table(Function<String, Optional<String>> floorOf) {
        StringBuilder table = new StringBuilder("""
                | case | runs | wall s | rows/s | peak RSS MB | peak heap MB | live heap MB | start-up s | queries s \
                | report s | exit s | wall × floor | RSS × floor |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        Set<String> cases = new LinkedHashSet<>();
        runs.forEach(run -> cases.add(run.caseName()));
        for (String caseName : cases) {
            Median median = median(caseName).orElseThrow();
            Run r = median.run();
            Optional<Run> floor = floorOf.apply(caseName).flatMap(this::median).map(Median::run);
            double wall = r.wallMs() / 1000.0;
            double rowsPerSecond = r.rows() / (wall > 0 ? wall : 1);
            table.append(String.format(Locale.ROOT,
                    "| %s%s | %d | %.2f | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.caseName(), r.exitCode() == 0 ? "" : " (exit " + r.exitCode() + ")", median.runs(), wall,
                    rowsPerSecond >= 1000 ? String.format(Locale.ROOT, "%.0f", rowsPerSecond)
                            : String.format(Locale.ROOT, "%.1f", rowsPerSecond),
                    r.rssKb() / 1024, r.heapPeakMb(), r.heapLiveMb() == null ? "-" : r.heapLiveMb().toString(),
                    seconds(r.startupMs()), seconds(r.queriesMs()), seconds(r.reportMs()), seconds(r.exitMs()),
                    floor.filter(f -> f.wallMs() > 0).map(f -> ratio(r.wallMs(), f.wallMs())).orElse("-"),
                    floor.filter(f -> f.rssKb() > 0).map(f -> ratio(r.rssKb(), f.rssKb())).orElse("-")));
        }
        return table.toString();
    }

    /** (median of many − median of one) / (many − 1), in ms; "-" when a figure is missing. */
    String perDatabase(String one, String many, int databases, Function<Run, Long> field) {
        Optional<Long> a = median(one).map(Median::run).map(field);
        Optional<Long> b = median(many).map(Median::run).map(field);
        if (a.isEmpty() || b.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f", (b.get() - a.get()) / (double) (databases - 1));
    }

    /** Each round of the given app cases against the floor run of the same round: wall time and ratio. */
    String rounds(String floorCase, List<String> appCases, int repeats, Function<String, String> heading) {
        StringBuilder table = new StringBuilder("| round | floor |");
        appCases.forEach(name -> table.append(' ').append(heading.apply(name)).append(" |"));
        table.append("\n|---|---:|").append("---:|".repeat(appCases.size())).append('\n');
        for (int rep = 1; rep <= repeats; rep++) {
            Optional<Run> floor = run(floorCase, rep);
            table.append("| ").append(rep).append(" | ").append(floor.map(f -> seconds(f.wallMs()) + " s").orElse("-"))
                    .append(" |");
            for (String name : appCases) {
                Optional<Run> app = run(name, rep);
                table.append(' ').append(app.map(a -> seconds(a.wallMs()) + " s"
                        + floor.map(f -> " (" + ratio(a.wallMs(), f.wallMs()) + ")").orElse("")).orElse("-"))
                        .append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String seconds(Long ms) {
        return ms == null ? "-" : String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }

    private static String ratio(long value, long base) {
        return String.format(Locale.ROOT, "%.2f", value / (double) base);
    }
}

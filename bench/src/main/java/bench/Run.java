package bench;

/**
 * One measured process. Times in ms; {@code null} where a figure does not apply (the app's phases
 * for the floor) or was not seen (no GC, so no live heap).
 */
record Run(String caseName, int rep, int exitCode, long wallMs, long rssKb, long heapPeakMb, Long heapLiveMb,
           Long startupMs, Long queriesMs, Long reportMs, Long exitMs, long rows) {

    /** A line of bench/target/results.tsv. */
    String tsv() {
        return String.join("\t", caseName, Integer.toString(rep), Integer.toString(exitCode), Long.toString(wallMs),
                Long.toString(rssKb), Long.toString(heapPeakMb), dash(heapLiveMb), dash(startupMs), dash(queriesMs),
                dash(reportMs), dash(exitMs), Long.toString(rows));
    }

    static final String TSV_HEADER = "case\trep\trc\twall_ms\trss_kb\theap_peak_mb\theap_live_mb\tstartup_ms"
            + "\tqueries_ms\treport_ms\texit_ms\trows";

    private static String dash(Long value) {
        return value == null ? "-" : value.toString();
    }
}

package com.example.monitor.cli;

import com.example.monitor.config.MonitorSettingsReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Command-line arguments: every {@code monitor.*} property as {@code --monitor.name=value}, and
 * {@code --camel.*} for Camel Main options. Parsed here rather than by Camel Main, which stops the
 * application with a help page on any argument it does not know.
 */
public record Arguments(Map<String, String> properties, boolean help, List<String> problems) {

    public static Arguments parse(String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                problems.add("argument '" + arg + "': expected --monitor.<name>=<value>; see --help");
                continue;
            }
            String key = arg.substring(2, equals);
            if (key.startsWith("monitor.") && !MonitorSettingsReader.KNOWN.contains(key)) {
                problems.add("argument '" + arg + "': unknown property " + key + "; known: "
                        + String.join(", ", new TreeSet<>(MonitorSettingsReader.KNOWN)));
            } else if (!key.startsWith("monitor.") && !key.startsWith("camel.")) {
                problems.add("argument '" + arg + "': expected --monitor.<name>=<value>; see --help");
            } else {
                properties.put(key, arg.substring(equals + 1));
            }
        }
        return new Arguments(Map.copyOf(properties), help, List.copyOf(problems));
    }

    public static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar client-activity-monitor.jar [--monitor.<name>=<value> ...]",
                "",
                "Runs every query of every database in databases.yaml once, writes <output-dir>/<runId>.json",
                "and exits 0 (all completed), 3 (some failed), 2 (invalid configuration or arguments).",
                "",
                "properties (defaults in application.properties; ./application.properties overrides them):",
                "  --monitor.databases-file=databases.yaml",
                "  --monitor.start-date=2026-10-01 | 2026-10-01T06:00:00  (default: midnight lookback-days ago)",
                "  --monitor.lookback-days=30",
                "  --monitor.zone=Europe/Paris                              (default: the system zone)",
                "  --monitor.output-dir=output",
                "  --monitor.max-parallel-databases=0                       (0: all databases at once)",
                "  --monitor.connect-timeout=15s",
                "  --monitor.query-timeout=30m",
                "  --monitor.fetch-size=1000",
                "  --monitor.http.port=8080                                 (service mode; default: no HTTP server)",
                "  --monitor.http.host=127.0.0.1",
                "  --monitor.http.token={{env:MONITOR_HTTP_TOKEN}}          (required off loopback)");
    }
}

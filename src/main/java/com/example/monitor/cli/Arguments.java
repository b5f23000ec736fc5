package com.example.monitor.cli;

import com.example.monitor.config.CamelOptions;
import com.example.monitor.config.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line arguments: every {@code monitor.*} property as {@code --monitor.name=value}, and
 * {@code --camel.*} for Camel Main options. Parsed here rather than by Camel Main, which stops the
 * application with a help page on any argument it does not know.
 */
public record Arguments(Map<String, String> properties, boolean help, List<String> problems) {

    public static Arguments parse(String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        // a Camel option under two spellings (shutdown-timeout, shutdownTimeout) is one option given twice
        Set<String> spellings = new HashSet<>();
        List<String> problems = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String key = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            String shown = shown(arg, i + 1);
            Optional<String> unknown = Setting.unknownKeyProblem(shown, key);
            if (!key.startsWith("monitor.") && !key.startsWith("camel.")) {
                problems.add(shown + ": expected --monitor.<name>=<value>; see --help");
            } else if (unknown.isPresent()) {
                problems.add(unknown.get());
            } else if (properties.containsKey(key) || !spellings.add(camelOption(key))) {
                // as databases.yaml refuses a key given twice: the last one would win without a word
                problems.add(shown + ": " + key + " is given twice; give it once");
            } else {
                String value = arg.substring(equals + 1);
                if (key.startsWith("camel.")) {
                    CamelOptions.catalog().keyOrValueProblem(key, value)
                            .ifPresent(problem -> problems.add(shown + ": " + problem));
                }
                properties.put(key, value);
            }
        }
        return new Arguments(Map.copyOf(properties), help, List.copyOf(problems));
    }

    /** A camel.* option by the name Camel's catalog gives it; any other key as written. */
    private static String camelOption(String key) {
        return key.startsWith("camel.") ? CamelOptions.catalog().canonicalName(key).orElse(key) : key;
    }

    /**
     * An argument as an error line names it, without its value: the value of a mistyped key, or a value
     * split from its key by a space ({@code --monitor.http.token $TOKEN}), may be the secret itself.
     */
    private static String shown(String arg, int position) {
        int equals = arg.indexOf('=');
        if (equals >= 0) {
            return "argument '" + arg.substring(0, equals + 1) + "...'";
        }
        return arg.startsWith("-") ? "argument '" + arg + "'"
                : "argument #" + position + " (not shown: it may be a secret)";
    }

    /** Generated from the settings' declaration and the exit codes, so it lists every one of them. */
    public static String usage() {
        List<String> lines = new ArrayList<>(List.of(
                "usage: java -jar client-activity-monitor.jar [--monitor.<name>=<value> ...] [--camel.<option>=<value> ...]",
                "",
                "Runs every query of every database in databases.yaml and writes <output-dir>/<runId>.json:",
                "once and exit (monitor.mode=once), or as a service until SIGTERM (monitor.mode=service).",
                "",
                "settings (each explained in docs/configuration.md), shown with their defaults (from the jar's",
                "application.properties; an application.properties in the working directory overrides them, and",
                "arguments override both):"));
        for (Setting<?> setting : Setting.all()) {
            lines.add("  --" + setting.key() + "=" + setting.defaultValue());
            lines.add("      " + setting.plainHelp());
        }
        lines.add("");
        lines.add("exit codes:");
        for (ExitCodes.Meaning meaning : ExitCodes.MEANINGS) {
            lines.add(String.format("  %-9s %s", meaning.codesText(), meaning.text().replace("`", "")));
        }
        // the jar ships no docs: name the pages as the repository holds them, where a reader finds them
        lines.add("");
        lines.add("more in the repository: README.md, and in docs/: service-mode.md (schedule, inbox, deployment),");
        lines.add("replicas.md, kerberos.md, operating.md (HTTP API, health, metrics, troubleshooting),");
        lines.add("report-format.md, extending.md (team routes) and development.md");
        return String.join(System.lineSeparator(), lines);
    }
}

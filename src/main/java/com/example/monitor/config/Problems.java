package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Collects problem lines, all shaped {@code <file>: [<database>[, <query>]: ][key '<key>': ]<message>}. */
final class Problems {
    private final String file;
    private final List<String> lines = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    Scope fileScope() {
        return new Scope(this, "");
    }

    /** {@code database 'crm'} by name, or {@code database #2} by 1-based position when it has no name. */
    static String label(String kind, JsonNode entry, int position) {
        JsonNode name = entry == null ? null : entry.get("name");
        return name != null && name.isTextual() ? kind + " '" + name.textValue() + "'" : kind + " #" + position;
    }

    int count() {
        return lines.size();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private void add(String context, String message) {
        lines.add(file + ": " + (context.isEmpty() ? "" : context + ": ") + message);
    }

    /** Where in the file a problem is: nothing (file level), a database, or a query within a database. */
    record Scope(Problems problems, String context) {
        Scope database(String label) {
            return new Scope(problems, label);
        }

        Scope query(String label) {
            return new Scope(problems, context + ", " + label);
        }

        void report(String message) {
            problems.add(context, message);
        }

        void report(String key, String message) {
            report("key '" + key + "': " + message);
        }
    }
}

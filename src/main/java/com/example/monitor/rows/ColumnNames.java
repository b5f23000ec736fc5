package com.example.monitor.rows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a result's column names unique, so that no JSON reader drops a value and every column has a
 * Parquet field: {@code SELECT t.id, e.id} gives {@code id} and {@code id_2}. A name that is taken
 * (by the driver's own {@code id_2}, say) gets the next free number. Names are compared ignoring
 * case, as SQL engines reading the files (DuckDB, Spark) compare them: {@code ID}, {@code id} gives
 * {@code ID}, {@code id_2}.
 */
public final class ColumnNames {

    private ColumnNames() {
    }

    public static List<String> unique(List<String> labels) {
        Set<String> taken = new HashSet<>();
        labels.forEach(label -> taken.add(folded(label)));
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(labels.size());
        for (String label : labels) {
            String name = label;
            if (!used.add(folded(name))) {
                int n = 2;
                do {
                    name = label + "_" + n++;
                } while (taken.contains(folded(name)) || !used.add(folded(name)));
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

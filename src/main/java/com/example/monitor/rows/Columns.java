package com.example.monitor.rows;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column names of one result, stored once and shared by every row of it. */
public final class Columns {

    private final String[] names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    public Columns(List<String> names) {
        this.names = names.toArray(String[]::new);
        for (int i = 0; i < this.names.length; i++) {
            exact.putIfAbsent(this.names[i], i);
            // Oracle and H2 report UPPERCASE, PostgreSQL lowercase; route authors should not need to care
            folded.putIfAbsent(this.names[i].toUpperCase(Locale.ROOT), i);
        }
    }

    public int size() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** Index of a column, exact name first, then ignoring case; -1 when absent. */
    public int indexOf(Object name) {
        if (!(name instanceof String key)) {
            return -1;
        }
        Integer index = exact.get(key);
        if (index == null) {
            index = folded.get(key.toUpperCase(Locale.ROOT));
        }
        return index == null ? -1 : index;
    }
}

package com.example.monitor.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum RunStatus {
    RUNNING, COMPLETED, PARTIAL, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a report writes as {@code label}; empty for text that is none of them. */
    public static Optional<RunStatus> ofLabel(String label) {
        return Arrays.stream(values()).filter(status -> status.label().equals(label)).findFirst();
    }
}

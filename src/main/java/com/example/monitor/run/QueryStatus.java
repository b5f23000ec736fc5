package com.example.monitor.run;

import java.util.Locale;

public enum QueryStatus {
    PENDING, RUNNING, COMPLETED, FAILED, SKIPPED, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.example.monitor.run;

import java.util.Locale;

public enum RunStatus {
    RUNNING, COMPLETED, PARTIAL, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

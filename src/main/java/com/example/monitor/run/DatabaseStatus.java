package com.example.monitor.run;

import java.util.Locale;

public enum DatabaseStatus {
    PENDING, CONNECTING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

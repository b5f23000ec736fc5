package com.example.monitor.config;

/** {@code once}: one run, then exit. {@code service}: keep running, started by schedule, inbox or routes. */
public enum RunMode {
    ONCE, SERVICE
}

package com.example.monitor.config;

/**
 * {@code memory}: rows are kept, so routes get them in the nested map. {@code stream}: rows go from
 * the driver to a spool file and into the report without being held, for results bigger than memory;
 * the nested map then has no rows.
 */
public enum ResultsMode {
    MEMORY, STREAM
}

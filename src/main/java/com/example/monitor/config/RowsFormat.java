package com.example.monitor.config;

/**
 * {@code json}: each query's rows are in the report. {@code parquet}: each completed query's rows are
 * in a Parquet file of their own beside the report, typed, and the report names it.
 */
public enum RowsFormat {
    JSON, PARQUET
}

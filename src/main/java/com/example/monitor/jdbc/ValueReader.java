package com.example.monitor.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as a plain Java value that maps cleanly to JSON. */
@FunctionalInterface
interface ValueReader {
    Object read(ResultSet rs, int column) throws SQLException;
}

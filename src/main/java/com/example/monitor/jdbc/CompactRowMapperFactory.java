package com.example.monitor.jdbc;

import com.example.monitor.rows.ColumnNames;
import com.example.monitor.rows.Columns;
import com.example.monitor.rows.Row;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.sql.RowMapperFactory;
import org.springframework.jdbc.core.RowMapper;

/**
 * Gives camel-sql a row mapper that builds lean {@link Row}s: column names (made unique, as the report's)
 * and readers are worked out once per result, each row is just an array of plain Java values.
 */
public final class CompactRowMapperFactory implements RowMapperFactory {

    /** Its name in the registry: the run-query route names it as camel-sql's rowMapperFactory. */
    public static final String BEAN = "compactRows";

    @Override
    public RowMapper<?> newColumnRowMapper() {
        return new CompactRowMapper();
    }

    @Override
    public RowMapper<?> newBeanRowMapper(Class<?> mappedClass) {
        throw new UnsupportedOperationException("rows are mapped to columns, not to " + mappedClass.getName());
    }

    private static final class CompactRowMapper implements RowMapper<Row> {
        private Columns columns;
        private ValueReader[] readers;

        @Override
        public Row mapRow(ResultSet rs, int rowNum) throws SQLException {
            if (columns == null) {
                describe(rs.getMetaData());
            }
            Object[] values = new Object[readers.length];
            for (int i = 0; i < readers.length; i++) {
                values[i] = readers[i].read(rs, i + 1);
            }
            return new Row(columns, values);
        }

        private void describe(ResultSetMetaData meta) throws SQLException {
            int count = meta.getColumnCount();
            List<String> names = new ArrayList<>(count);
            readers = new ValueReader[count];
            for (int i = 1; i <= count; i++) {
                names.add(meta.getColumnLabel(i));
                readers[i - 1] = ValueReaders.forColumn(meta, i);
            }
            columns = new Columns(ColumnNames.unique(names));
        }
    }
}

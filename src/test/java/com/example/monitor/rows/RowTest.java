package com.example.monitor.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows are value arrays, but route authors and Java users see ordinary maps. */
class RowTest {

    private final Columns columns = new Columns(List.of("CLIENT_ID", "NEW_EMAIL", "CHANGED_AT"));

    @Test
    void equalsAnyMapWithTheSameEntriesAndHashesLikeIt() {
        Row row = new Row(columns, new Object[] {1, "a@b.c", null});
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("CLIENT_ID", 1);
        same.put("NEW_EMAIL", "a@b.c");
        same.put("CHANGED_AT", null);

        assertThat(row).isEqualTo(same);
        assertThat(same).isEqualTo(row);
        assertThat(row.hashCode()).isEqualTo(same.hashCode());
        assertThat(row).isNotEqualTo(Map.of("CLIENT_ID", 2));
    }

    @Test
    void iteratesInColumnOrder() {
        Row row = new Row(columns, new Object[] {1, "a@b.c", "2026-11-02"});

        assertThat(new ArrayList<>(row.keySet())).containsExactly("CLIENT_ID", "NEW_EMAIL", "CHANGED_AT");
        assertThat(new ArrayList<>(row.values())).containsExactly(1, "a@b.c", "2026-11-02");
    }

    @Test
    void missingKeyReadsAsAbsentNotAsError() {
        Row row = new Row(columns, new Object[] {1, "a@b.c", null});

        assertThat(row.get("NO_SUCH_COLUMN")).isNull();
        assertThat(row.containsKey("NO_SUCH_COLUMN")).isFalse();
        assertThat(row.containsKey("CHANGED_AT")).isTrue();
        assertThat(row.get(42)).isNull();
    }

    @Test
    void columnsAreFoundRegardlessOfCaseWithTheExactNameFirst() {
        Row row = new Row(new Columns(List.of("id", "ID")), new Object[] {"lower", "upper"});

        assertThat(row.get("id")).isEqualTo("lower");
        assertThat(row.get("ID")).isEqualTo("upper");
        assertThat(new Row(columns, new Object[] {7, null, null}).get("client_id")).isEqualTo(7);
    }

    @Test
    void rowsOfOneResultShareTheirColumns() {
        Row first = new Row(columns, new Object[] {1, "a", null});
        Row second = new Row(columns, new Object[] {2, "b", null});

        assertThat(first.columns()).isSameAs(second.columns());
    }

    @Test
    void isReadOnly() {
        Row row = new Row(columns, new Object[] {1, "a", null});

        assertThatThrownBy(() -> row.put("CLIENT_ID", 3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRowWithFewerValuesThanColumnsIsRejected() {
        assertThatThrownBy(() -> new Row(columns, new Object[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}

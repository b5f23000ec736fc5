package com.example.monitor.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {

    @Test
    void aRepeatedNameGetsTheNextNumber() {
        assertThat(ColumnNames.unique(List.of("id", "id", "name", "id"))).containsExactly("id", "id_2", "name", "id_3");
    }

    @Test
    void aNumberTheQueryAlreadyUsesIsSkipped() {
        assertThat(ColumnNames.unique(List.of("id", "id", "id_2"))).containsExactly("id", "id_3", "id_2");
    }

    @Test
    void namesThatDifferOnlyByCaseAreRepeats() {
        assertThat(ColumnNames.unique(List.of("ID", "id"))).containsExactly("ID", "id_2");
    }
}

package com.example.monitor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one escaping of outside text on its way to the console. */
class ConsoleTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(ConsoleText.escape("a\nb\r\tc")).isEqualTo("a\\nb\\r\\tc");
        assertThat(ConsoleText.escape("\u001b[31mred\u001b[0m")).isEqualTo("\\u001B[31mred\\u001B[0m");
        assertThat(ConsoleText.escape("nul\u0000 del\u007f csi\u009b")).isEqualTo("nul\\u0000 del\\u007F csi\\u009B");
        assertThat(ConsoleText.escape("line\u2028sep \u202eevil")).isEqualTo("line\\u2028sep \\u202Eevil");
    }

    @Test
    void everythingElseIsPrintedAsItIs() {
        String plain = "Clients' e-mail changes: é, ß, 日本, C:\\reports\\x.json, \"quoted\", {} and 100%";
        assertThat(ConsoleText.escape(plain)).isEqualTo(plain);
        assertThat(ConsoleText.escape(null)).isNull();
    }
}

package com.example.monitor.logging;

import java.util.Map;
import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.JavaUnicodeEscaper;
import org.apache.commons.text.translate.LookupTranslator;

/**
 * The one escaping of text from outside (file, query and database names, drivers' errors) on its way to
 * the console: control characters become visible escapes ({@code \n}, {@code \u001b}), so a name can
 * neither forge a log or summary line nor send a terminal escape code. Everything else, accents and
 * backslashes included, is printed as it is.
 */
public final class ConsoleText {

    private static final CharSequenceTranslator ESCAPE = new AggregateTranslator(
            new LookupTranslator(Map.of("\n", "\\n", "\r", "\\r", "\t", "\\t")),
            JavaUnicodeEscaper.between(0x00, 0x1f),
            JavaUnicodeEscaper.between(0x7f, 0x9f),
            // line and paragraph separators, and the bidirectional overrides that reorder what a terminal shows
            JavaUnicodeEscaper.between(0x2028, 0x202e),
            JavaUnicodeEscaper.between(0x2066, 0x2069));

    private ConsoleText() {
    }

    /** The text with every control character escaped; null stays null. */
    public static String escape(String text) {
        return text == null ? null : ESCAPE.translate(text);
    }

    /** Text already made safe, line by line, such as the summary table: printed with its line breaks. */
    public static Preformatted preformatted(String text) {
        return new Preformatted(text);
    }

    /** A log argument the console prints as it is; see {@link #preformatted}. */
    public record Preformatted(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}

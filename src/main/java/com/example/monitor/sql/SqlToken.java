package com.example.monitor.sql;

import java.util.Locale;

/** One lexical token of a SQL file; concatenating all token texts gives back the original file. */
record SqlToken(Kind kind, String text, int start) {

    enum Kind {
        WHITESPACE,
        LINE_COMMENT,
        BLOCK_COMMENT,
        STRING_LITERAL,
        QUOTED_IDENTIFIER,
        BIND,
        QUESTION_MARK,
        DOUBLE_COLON,
        SEMICOLON,
        WORD,
        OTHER
    }

    /** Whitespace and comments never change what a statement means. */
    boolean isSignificant() {
        return kind != Kind.WHITESPACE && kind != Kind.LINE_COMMENT && kind != Kind.BLOCK_COMMENT;
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.OTHER && text.equals(symbol);
    }

    boolean isStartDateBind() {
        return kind == Kind.BIND && text.equalsIgnoreCase(":start_date");
    }

    String upperText() {
        return text.toUpperCase(Locale.ROOT);
    }
}

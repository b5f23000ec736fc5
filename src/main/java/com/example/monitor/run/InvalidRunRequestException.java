package com.example.monitor.run;

import java.util.List;

/** A run request refused, with one line per problem; no line quotes the request's content. */
public final class InvalidRunRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidRunRequestException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

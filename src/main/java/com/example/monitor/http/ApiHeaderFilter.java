package com.example.monitor.http;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The platform-http endpoints' filter, both ways. In: nothing of the request becomes a message header
 * but the {@code limit} of {@code GET /api/runs} (Camel adds the path's {@code runId} and its own
 * {@code CamelHttp*} headers itself); the perimeter has read the headers it needs off the request.
 * Out: only {@code Location} (Camel sets the content type apart), so no header a route or a
 * component left on the message reaches the client.
 */
final class ApiHeaderFilter implements HeaderFilterStrategy {

    static final String LIMIT = "limit";
    private static final Set<String> OUT = Set.of("location");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !OUT.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !LIMIT.equals(headerName);
    }
}

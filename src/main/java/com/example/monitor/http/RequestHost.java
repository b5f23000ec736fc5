package com.example.monitor.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The host a request says it was sent to, read as RFC 9112 §3.2 has a server read it: the authority of
 * an absolute-form target ({@code GET http://name/path}) before the Host header, which must be there
 * exactly once; behind a proxy, also the one {@code X-Forwarded-Host}. A request that names its host
 * ambiguously is refused with 400 rather than read one way: the Host check, Vert.x and a proxy in front
 * might each take a different one of the names.
 *
 * @param target    the authority of an absolute-form target, or null for a path
 * @param host      the Host header's (or HTTP/2's :authority)
 * @param forwarded the host the client of a proxy in front used, or null without one
 */
record RequestHost(String target, String host, String forwarded) {

    static final String ONE_HOST = "a request needs exactly one Host header, naming a host";
    static final String ONE_FORWARDED_HOST = "give at most one X-Forwarded-Host, holding a single host name";
    static final String TARGET = "the request target must be a path, or an absolute http or https URL without user info";

    /** @throws ApiProblem 400 for a second Host header, a list of forwarded hosts, or a target of another form */
    static RequestHost of(HttpServerRequest request) {
        requireOneHost(request);
        List<String> forwarded = request.headers().getAll("X-Forwarded-Host");
        if (forwarded.size() > 1 || forwarded.size() == 1 && (forwarded.get(0).isBlank() || forwarded.get(0).contains(","))) {
            throw new ApiProblem(400, ONE_FORWARDED_HOST);
        }
        return new RequestHost(targetAuthority(request.uri()), authority(request),
                forwarded.isEmpty() ? null : forwarded.get(0).trim());
    }

    /**
     * RFC 9112 §3.2 has a server answer 400 to a request without a Host header or with more than one;
     * an empty one is only for a target without an authority, and every target here has one. HTTP/2
     * carries it as {@code :authority}, which Vert.x keeps apart from the headers.
     *
     * @throws ApiProblem 400
     */
    static void requireOneHost(HttpServerRequest request) {
        List<String> hosts = request.headers().getAll("Host");
        boolean one = request.version() == HttpVersion.HTTP_2 ? request.authority() != null
                : hosts.size() == 1 && !hosts.get(0).isBlank();
        if (!one) {
            throw new ApiProblem(400, ONE_HOST);
        }
    }

    /** Where the request was sent: the target's authority in absolute form, else the Host header's. */
    String authority() {
        return target != null ? target : host;
    }

    /** Every host name the request gives, lower case and without a port; null for one that names none. */
    List<String> names() {
        return Stream.of(target, host, forwarded).filter(Objects::nonNull).map(RequestHost::hostName).toList();
    }

    /** The authority of an absolute-form target (RFC 9112 §3.2.2), or null for a path. */
    private static String targetAuthority(String uri) {
        if (uri.startsWith("/")) {
            return null;
        }
        try {
            URI target = new URI(uri);
            String scheme = target.getScheme();
            // RFC 9110 §4.2.4: user info in an http URI is to be treated as an error
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && target.getHost() != null
                    && target.getRawUserInfo() == null) {
                return target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
            }
        } catch (URISyntaxException e) {
            // refused below, like any other form
        }
        throw new ApiProblem(400, TARGET);
    }

    /** The Host header as Vert.x parsed it, or as sent when Vert.x could not parse it. */
    private static String authority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return request.headers().get("Host");
        }
        String name = authority.host();
        String bracketed = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
        return authority.port() > 0 ? bracketed + ":" + authority.port() : bracketed;
    }

    /** The name in a Host header, lower case, without its port; an IPv6 address keeps its brackets. */
    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String value = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}

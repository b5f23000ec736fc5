package com.example.monitor.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets from text that may be logged, such as JDBC driver error messages that echo the URL. */
public final class Redaction {
    private static final String MASK = Secret.MASK;
    /**
     * A short secret is masked only where it stands alone, so a password like "x" does not turn
     * "does not exist" into "does not e******ist"; longer ones are masked wherever they appear.
     */
    static final int WHOLE_TOKEN_BELOW = 8;

    /** {@code jdbc:oracle:thin:scott/tiger@//host...}: the password runs to the first '@' unless quoted. */
    private static final Pattern ORACLE_CREDENTIALS =
            Pattern.compile("(?i)(jdbc:oracle:\\w+:[^/@\\s\"]*/)(\"[^\"]*\"|[^@\\s]*)(@)");
    /** {@code scheme://user:password@host}. */
    private static final Pattern URL_USER_INFO =
            Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/:@\\s]+:)([^@/\\s]+)(@)");
    /** {@code ?password=x}, {@code &sslpassword=x}, {@code ;password=x} (SQL Server style). */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;][\\w.-]*(?:password|passwd|pwd)\\s*=)([^&;\\s\"']+)()");

    private Redaction() {
    }

    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : variants(secrets)) {
            scrubbed = secret.length() < WHOLE_TOKEN_BELOW
                    ? Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(secret) + "(?![\\p{Alnum}])")
                            .matcher(scrubbed).replaceAll(Matcher.quoteReplacement(MASK))
                    : scrubbed.replace(secret, MASK);
        }
        for (Pattern pattern : List.of(ORACLE_CREDENTIALS, URL_USER_INFO, PASSWORD_PARAMETER)) {
            scrubbed = maskSecondGroup(pattern, scrubbed);
        }
        return scrubbed;
    }

    /** Longest first, so a secret containing another secret is masked whole; URL-encoded forms too. */
    private static List<String> variants(Collection<String> secrets) {
        Set<String> variants = new LinkedHashSet<>();
        if (secrets != null) {
            for (String secret : secrets) {
                if (secret != null && !secret.isEmpty()) {
                    variants.add(secret);
                    variants.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                }
            }
        }
        List<String> ordered = new ArrayList<>(variants);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return ordered;
    }

    private static String maskSecondGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result,
                    Matcher.quoteReplacement(matcher.group(1) + MASK + matcher.group(3)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}

package bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks that two reports carry the same results: for every database and query, the same status,
 * columns, rowCount and rows (a SHA-256 over the rows' JSON tokens, numbers as written). Key order and
 * the run's own fields (ids, times) are ignored. Streaming parser: a 1M-row report is fine.
 *
 * <p>usage: {@code ReportCheck <expected.json> <actual.json>}; exit 0 when they agree, 1 otherwise.
 * {@link Bench} calls {@link #verdict} directly.
 */
public final class ReportCheck {

    record Query(String status, List<String> columns, Long rowCount, long rows, String rowsSha256) {
    }

    public static void main(String[] args) throws Exception {
        Verdict verdict = verdict(Path.of(args[0]), Path.of(args[1]));
        System.out.println(verdict.text());
        System.exit(verdict.same() ? 0 : 1);
    }

    /** Whether the two reports agree, and a line saying so (or one block per differing query). */
    record Verdict(boolean same, String text) {
    }

    static Verdict verdict(Path expectedFile, Path actualFile) throws Exception {
        Map<String, Query> expected = read(expectedFile.toFile());
        Map<String, Query> actual = read(actualFile.toFile());
        StringBuilder differences = new StringBuilder();
        for (String key : union(expected, actual)) {
            Query e = expected.get(key);
            Query a = actual.get(key);
            if (!Objects.equals(e, a)) {
                differences.append("differs: ").append(key).append("\n  ").append(expectedFile).append(": ").append(e)
                        .append("\n  ").append(actualFile).append(": ").append(a).append('\n');
            }
        }
        if (differences.length() > 0) {
            return new Verdict(false, differences.toString().strip());
        }
        long rows = expected.values().stream().mapToLong(Query::rows).sum();
        return new Verdict(true, "same results: " + expected.size() + " queries, " + rows + " rows");
    }

    private static List<String> union(Map<String, Query> a, Map<String, Query> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return new ArrayList<>(keys.keySet());
    }

    static Map<String, Query> read(File file) throws Exception {
        Map<String, Query> queries = new TreeMap<>();
        try (JsonParser p = new JsonFactory().createParser(file)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("databases")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String database = p.currentName();
                        expect(p.nextToken(), JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            if (key.equals("queries")) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String query = p.currentName();
                                    p.nextToken();
                                    queries.put(database + " / " + query, query(p));
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return queries;
    }

    private static Query query(JsonParser p) throws Exception {
        String status = null;
        List<String> columns = new ArrayList<>();
        Long rowCount = null;
        long rows = 0;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "status" -> status = p.getText();
                case "rowCount" -> rowCount = value == JsonToken.VALUE_NULL ? null : p.getLongValue();
                case "columns" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        columns.add(p.getText());
                    }
                }
                case "rows" -> {
                    int depth = 0;
                    while (true) {
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.END_ARRAY && depth == 0) {
                            break;
                        }
                        if (t == JsonToken.START_OBJECT) {
                            if (depth == 0) {
                                rows++;
                            }
                            depth++;
                        } else if (t == JsonToken.END_OBJECT) {
                            depth--;
                        }
                        sha.update((byte) t.id());
                        if (t.isScalarValue() || t == JsonToken.FIELD_NAME) {
                            sha.update(p.getText().getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Query(status, columns, rowCount, rows, HexFormat.of().formatHex(sha.digest()));
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}

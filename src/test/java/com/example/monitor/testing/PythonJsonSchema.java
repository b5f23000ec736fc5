package com.example.monitor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Python's {@code jsonschema}, from Debian's {@code python3-jsonschema} package: a JSON Schema
 * implementation independent of the app's, as editors and other teams' tools use one. Without it,
 * tests are skipped outside CI and fail under {@code CI=true}, like the browser and promtool tests.
 */
public final class PythonJsonSchema {

    static final String MISSING = "no Python jsonschema: install the Debian package python3-jsonschema"
            + " (apt-get install -y python3-jsonschema) for the schema's independent check";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The PATH's python3 first (a developer's own), then Debian's. */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    private final String python;

    private PythonJsonSchema(String python) {
        this.python = python;
    }

    public static PythonJsonSchema requireInstalled() {
        Optional<String> found = PYTHONS.stream().filter(PythonJsonSchema::hasJsonSchema).findFirst();
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        Assumptions.assumeTrue(found.isPresent(), MISSING);
        return new PythonJsonSchema(found.get());
    }

    /**
     * Each document's errors, as {@code [path, message]} pairs, from one run over all of them; the
     * schema itself is first checked against its draft's meta-schema (a failure there fails the run).
     */
    public Verdicts check(JsonNode schema, Map<String, JsonNode> documents) throws IOException, InterruptedException {
        ObjectNode input = JSON.createObjectNode();
        input.set("schema", schema);
        ObjectNode all = input.putObject("documents");
        documents.forEach(all::set);
        String output = Commands.run(Map.of(), Path.of("."), JSON.writeValueAsString(input), python, "-W", "ignore", "-c", script());
        return new Verdicts(JSON.readTree(output));
    }

    /** What the run said: the validator class it chose for the schema's draft, and each document's errors. */
    public record Verdicts(JsonNode output) {
        public String validator() {
            return output.get("validator").asText();
        }

        /** Where the document's errors are, as JSON pointers ({@code /databases/0/port}); empty when it is valid. */
        public List<String> errorPaths(String document) {
            List<String> paths = new ArrayList<>();
            output.at("/verdicts").get(document).forEach(error -> paths.add(error.get(0).asText()));
            return paths;
        }
    }

    private static String script() {
        try (InputStream in = PythonJsonSchema.class.getResourceAsStream("/jsonschema-verdicts.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasJsonSchema(String python) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import jsonschema").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

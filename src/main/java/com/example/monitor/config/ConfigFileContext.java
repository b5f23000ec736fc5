package com.example.monitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;

/**
 * What every reader of one databases.yaml shares: the folder its relative paths start from, the
 * environment its {@code ${env:...}} values come from, and the pointers of the values the schema
 * refused, which are not read again.
 */
record ConfigFileContext(Path baseDirectory, EnvironmentSubstitution environment, Set<String> refused) {

    /** The mapping at {@code pointer}, its problems reported to {@code scope}, its keys named with {@code keyPrefix}. */
    MappingReader mapping(JsonNode mapping, String pointer, Problems.Scope scope, String keyPrefix) {
        return new MappingReader(mapping, pointer, refused, scope, environment, keyPrefix);
    }
}

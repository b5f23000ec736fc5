package com.example.monitor.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Jackson's tree would misread in a YAML file, refused.
 * <ul>
 *   <li>An alias stops the read where it is. The tree reads an alias ({@code *pw}) as the text {@code pw},
 *   and a merge key ({@code <<: *base}) as a key named {@code <<} holding that text: a password written
 *   {@code *pw} would reach the database as "pw". An anchor alone ({@code &pw}) changes nothing.</li>
 *   <li>A key given twice in one mapping is kept as a finding, every one of them, and the read goes on;
 *   the tree would keep the last value. Jackson's own strict detection stops at the first, so a file
 *   with three took three runs to fix.</li>
 * </ul>
 * Every way of reading the next token goes through {@link #nextToken}, so the tree cannot step past one.
 */
final class StrictYamlParser extends JsonParserDelegate {

    static final String MESSAGE = "YAML aliases (*name) and merge keys (<<: *name) are not supported;"
            + " write the value out in each place";

    private final YAMLParser yaml;
    /** The keys seen in each mapping open around the current token, innermost first. */
    private final Deque<Set<String>> keys = new ArrayDeque<>();
    private final List<JsonParseException> duplicates = new ArrayList<>();

    StrictYamlParser(YAMLParser yaml) {
        super(yaml);
        this.yaml = yaml;
    }

    /** Each key given twice in its mapping, at the second one, in file order. */
    List<JsonParseException> duplicates() {
        return List.copyOf(duplicates);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (yaml.isCurrentAlias()) {
            throw new JsonParseException(this, MESSAGE, currentTokenLocation());
        }
        if (token == JsonToken.START_OBJECT) {
            keys.push(new HashSet<>());
        } else if (token == JsonToken.END_OBJECT) {
            keys.pop();
        } else if (token == JsonToken.FIELD_NAME && !keys.isEmpty() && !keys.peek().add(currentName())) {
            duplicates.add(new JsonParseException(this, "duplicate key '" + currentName() + "'", currentTokenLocation()));
        }
        return token;
    }

    @Override
    public String nextFieldName() throws IOException {
        return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }
}

package com.example.monitor.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Refuses YAML aliases where they appear. Jackson's tree reads an alias ({@code *pw}) as the text
 * {@code pw}, and a merge key ({@code <<: *base}) as a key named {@code <<} holding that text: a
 * password written {@code *pw} would reach the database as "pw". An anchor alone ({@code &pw}) changes
 * nothing and is left alone. Every way of reading the next token goes through {@link #nextToken}, so
 * the tree cannot step past an alias.
 */
final class WithoutAliases extends JsonParserDelegate {

    static final String MESSAGE = "YAML aliases (*name) and merge keys (<<: *name) are not supported;"
            + " write the value out in each place";

    private final YAMLParser yaml;

    WithoutAliases(YAMLParser yaml) {
        super(yaml);
        this.yaml = yaml;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (yaml.isCurrentAlias()) {
            throw new JsonParseException(this, MESSAGE, currentTokenLocation());
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

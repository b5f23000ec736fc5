package com.example.monitor.config;

import com.fasterxml.jackson.core.JsonLocation;
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
import java.util.regex.Pattern;

/**
 * What Jackson's tree would misread in a YAML file, refused.
 * <ul>
 *   <li>An alias stops the read where it is. The tree reads an alias ({@code *pw}) as the text {@code pw},
 *   and a merge key ({@code <<: *base}) as a key named {@code <<} holding that text: a password written
 *   {@code *pw} would reach the database as "pw". An anchor alone ({@code &pw}) changes nothing.</li>
 *   <li>A key given twice in one mapping is kept as a finding, every one of them, and the read goes on;
 *   the tree would keep the last value. Jackson's own strict detection stops at the first, so a file
 *   with three took three runs to fix.</li>
 *   <li>A number not written in plain decimal digits is kept as a finding. YAML 1.1, which the parser
 *   follows, reads {@code port: 01521} as octal, that is 849, a port in range that the checks after
 *   the parse cannot tell from a real one; {@code 0x5F1}, {@code 0b...} and {@code 1_521} are read as
 *   1521, while YAML 1.2's {@code 0o2761} is text. A value written as decimal digits means what it
 *   shows to anyone who reads it.</li>
 * </ul>
 * Every way of reading the next token goes through {@link #nextToken}, so the tree cannot step past one.
 */
final class StrictYamlParser extends JsonParserDelegate {

    static final String MESSAGE = "YAML aliases (*name) and merge keys (<<: *name) are not supported;"
            + " write the value out in each place";

    private final YAMLParser yaml;
    /** The keys seen in each mapping open around the current token, innermost first. */
    private final Deque<Set<String>> keys = new ArrayDeque<>();
    private final List<Finding> findings = new ArrayList<>();

    /** What the tree would misread, where it is; {@code problem} never quotes the value, which may be a secret. */
    record Finding(JsonLocation location, String problem) {
    }

    /** Digits as written by hand: no leading 0 before another digit, no base prefix, no '_'. */
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL_FRACTION = Pattern.compile(
            "[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    StrictYamlParser(YAMLParser yaml) {
        super(yaml);
        this.yaml = yaml;
    }

    /**
     * Each key given twice in its mapping (at the second one) and each number not in decimal, in file order.
     * Read all the tokens first: the tree stops at {@code .inf}, whose value it cannot hold.
     */
    List<Finding> findings() {
        return List.copyOf(findings);
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
            findings.add(new Finding(currentTokenLocation(), "invalid YAML: duplicate key '" + currentName() + "'"));
        } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            String notDecimal = notDecimal(yaml.getText(), token == JsonToken.VALUE_NUMBER_INT);
            if (notDecimal != null) {
                String key = currentName() == null ? "a number" : "key '" + currentName() + "'";
                findings.add(new Finding(currentTokenLocation(), key + ": " + notDecimal));
            }
        }
        return token;
    }

    /** Why YAML would read the number otherwise than it looks, or null when it is plain decimal. */
    private static String notDecimal(String text, boolean integer) {
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if ((integer ? DECIMAL_INTEGER : DECIMAL_FRACTION).matcher(text).matches()) {
            return null;
        }
        if (digits.equalsIgnoreCase(".inf") || digits.equalsIgnoreCase(".nan")) {
            return "a number with no exact value (.inf or .nan); quote it if it is text";
        }
        if (digits.contains("_")) {
            return "a number written with '_', which YAML drops; write the digits alone, or quote the value if it is"
                    + " text";
        }
        if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
            return "a number in hexadecimal, octal or binary (0x, 0o, 0b); write it in decimal, or quote the value if"
                    + " it is text";
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return "a number with a leading 0, which YAML reads as octal (01521 is 849); write it without the leading"
                    + " 0, or quote the value if it is text";
        }
        return "a number not written in decimal digits; write it in decimal, or quote the value if it is text";
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

package com.example.monitor.report;

import com.example.monitor.report.RunReport.DatabaseReport;
import com.example.monitor.report.RunReport.QueryReport;
import com.example.monitor.rows.ColumnType;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link RunReport} as JSON, by Jackson databind from the record itself: the report file (with
 * the rows its writer adds), the report read back, and the API's renderings of a run. The record's
 * annotations give the names, the order and which rendering shows which field ({@link RunReport.Views}).
 */
public final class RunReportJson {

    /** The value a reader injects as {@link RunReport#reportFile()}: the file it read, which the JSON does not name. */
    static final String REPORT_FILE = "reportFile";

    /**
     * Writes what a query holds besides its fields, where the report has it: after them, before the
     * query's object ends.
     */
    @FunctionalInterface
    interface Rows {
        void write(JsonGenerator out, QueryReport query) throws IOException;
    }

    /**
     * One mapper for every instance: its serializers and deserializers for the records are built once
     * per JVM (the first costs about 0.05 s), not once by the writer, the history and the live status each.
     */
    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .addMixIn(ColumnType.class, ColumnTypeJson.class)
                .addMixIn(ColumnType.Kind.class, KindJson.class)
                .registerModule(new SimpleModule().setSerializerModifier(new BeanSerializerModifier() {
                    @Override
                    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                              JsonSerializer<?> serializer) {
                        return bean.getBeanClass() == QueryReport.class ? new RowsAfterFields(serializer) : serializer;
                    }
                }));
        // a list a report leaves out (or a view skips) is read as empty, so no reader meets a null list
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        return mapper;
    }

    /** A report's order, and its words for the types (the record keeps the driver's label first). */
    @JsonPropertyOrder({"type", "databaseType", "precision", "scale", "nullable", "label"})
    private abstract static class ColumnTypeJson {
    }

    private abstract static class KindJson {
        @JsonValue
        abstract String label();
    }

    JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    }

    /** The report file's JSON; {@code rows} adds each query's rows, or where they are. */
    void write(JsonGenerator out, RunReport report, Rows rows) throws IOException {
        MAPPER.writerWithView(RunReport.Views.File.class).withAttribute(Rows.class, rows).writeValue(out, report);
    }

    /** The run in one of the API's renderings, {@code view} one of {@link RunReport.Views}. */
    public ObjectNode render(RunReport report, Class<?> view) {
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            MAPPER.writerWithView(view).writeValue(tokens, report);
            return MAPPER.readTree(tokens.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("run " + report.runId() + " as JSON", e);
        }
    }

    /**
     * A report file's summary, its rows skipped as they are read (a report of a million rows costs no
     * heap), without the columns ({@link RunReport.Views.Recorded}); {@code reportFile} is the file.
     *
     * @throws IOException also for a file that is not one whole report: truncated, or with more after it
     */
    public RunReport read(Path file) throws IOException {
        ObjectReader reader = MAPPER.readerFor(RunReport.class).withView(RunReport.Views.Recorded.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(new InjectableValues.Std().addValue(REPORT_FILE, file.toAbsolutePath().toString()));
        return reader.readValue(file.toFile());
    }

    /** The query's fields, then what {@link Rows} adds, in one object. */
    private static final class RowsAfterFields extends StdSerializer<QueryReport> implements ResolvableSerializer {

        private final JsonSerializer<Object> bean;
        private JsonSerializer<Object> fields;

        @SuppressWarnings("unchecked")
        RowsAfterFields(JsonSerializer<?> bean) {
            super(QueryReport.class);
            this.bean = (JsonSerializer<Object>) bean;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (bean instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
            fields = bean.unwrappingSerializer(NameTransformer.NOP);
        }

        @Override
        public void serialize(QueryReport query, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject(query);
            fields.serialize(query, out, provider);
            Rows rows = (Rows) provider.getAttribute(Rows.class);
            if (rows != null) {
                rows.write(out, query);
            }
            out.writeEndObject();
        }
    }

    /** Entries as an object keyed by their names, which the entries themselves leave out. */
    private abstract static class ByNameWriter<T> extends StdSerializer<List<T>> {

        private final Function<T, String> name;

        ByNameWriter(Function<T, String> name) {
            super(List.class, false);
            this.name = name;
        }

        @Override
        public void serialize(List<T> entries, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject(entries);
            for (T entry : entries) {
                out.writeFieldName(name.apply(entry));
                provider.defaultSerializeValue(entry, out);
            }
            out.writeEndObject();
        }
    }

    /** An object of entries keyed by name, read one entry at a time, in the file's order. */
    private abstract static class ByNameReader<T> extends StdDeserializer<List<T>> {

        private final Class<T> type;
        private final BiFunction<T, String, T> named;

        ByNameReader(Class<T> type, BiFunction<T, String, T> named) {
            super(List.class);
            this.type = type;
            this.named = named;
        }

        @Override
        public List<T> deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (!in.isExpectedStartObjectToken()) {
                throw context.wrongTokenException(in, List.class, JsonToken.START_OBJECT,
                        "expected an object of " + type.getSimpleName() + "s keyed by name");
            }
            List<T> entries = new ArrayList<>();
            for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
                in.nextToken();
                entries.add(named.apply(context.readValue(in, type), name));
            }
            return List.copyOf(entries);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return List.of();
        }
    }

    static final class DatabasesWriter extends ByNameWriter<DatabaseReport> {
        DatabasesWriter() {
            super(DatabaseReport::name);
        }
    }

    static final class QueriesWriter extends ByNameWriter<QueryReport> {
        QueriesWriter() {
            super(QueryReport::name);
        }
    }

    static final class DatabasesReader extends ByNameReader<DatabaseReport> {
        DatabasesReader() {
            super(DatabaseReport.class, DatabaseReport::withName);
        }
    }

    static final class QueriesReader extends ByNameReader<QueryReport> {
        QueriesReader() {
            super(QueryReport.class, QueryReport::withName);
        }
    }
}

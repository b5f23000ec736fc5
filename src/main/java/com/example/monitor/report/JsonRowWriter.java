package com.example.monitor.report;

import com.example.monitor.rows.Columns;
import com.example.monitor.rows.Row;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes result rows as JSON objects: exact numbers, ISO-8601 dates, base64 binary. One instance per
 * generator, since it keeps a scratch buffer for dates.
 */
final class JsonRowWriter {

    private final JsonGenerator json;
    private final char[] scratch = new char[IsoDateTimes.MAX_LENGTH];
    /** The current result's column names, encoded once: written millions of times, as bytes. */
    private Columns columns;
    private SerializedString[] names = new SerializedString[0];

    JsonRowWriter(JsonGenerator json) {
        this.json = json;
    }

    void write(Row row) throws IOException {
        if (row.columns() != columns) {
            columns = row.columns();
            names = new SerializedString[columns.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = new SerializedString(columns.name(i));
            }
        }
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            json.writeFieldName(names[i]);
            writeValue(row.value(i));
        }
        json.writeEndObject();
    }

    void writeValue(Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof LocalDateTime dateTime) {
            json.writeString(scratch, 0, IsoDateTimes.format(dateTime, scratch));
        } else if (value instanceof OffsetDateTime dateTime) {
            json.writeString(scratch, 0, IsoDateTimes.format(dateTime, scratch));
        } else if (value instanceof LocalDate date) {
            json.writeString(scratch, 0, IsoDateTimes.format(date, scratch));
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            writeFloating(number);
        } else if (value instanceof Float number) {
            writeFloating(number.doubleValue());
        } else if (value instanceof Number number) {
            json.writeNumber(new BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else if (value instanceof LocalTime time) {
            json.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
        } else if (value instanceof OffsetTime time) {
            json.writeString(DateTimeFormatter.ISO_OFFSET_TIME.format(time));
        } else {
            json.writeString(value.toString());
        }
    }

    private void writeFloating(double number) throws IOException {
        if (Double.isFinite(number)) {
            json.writeNumber(number);
        } else {
            // JSON has no NaN or Infinity
            json.writeString(Double.toString(number));
        }
    }
}

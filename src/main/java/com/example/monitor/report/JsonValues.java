package com.example.monitor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;

/** Writes one result value as JSON: exact numbers, ISO-8601 dates, base64 binary. */
final class JsonValues {

    private JsonValues() {
    }

    static void write(JsonGenerator json, Object value) throws IOException {
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
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            writeFloating(json, number);
        } else if (value instanceof Float number) {
            writeFloating(json, number.doubleValue());
        } else if (value instanceof Number number) {
            json.writeNumber(new BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else if (value instanceof LocalDateTime dateTime) {
            json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime));
        } else if (value instanceof LocalDate date) {
            json.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
        } else if (value instanceof OffsetDateTime dateTime) {
            json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
        } else if (value instanceof LocalTime time) {
            json.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
        } else if (value instanceof OffsetTime time) {
            json.writeString(DateTimeFormatter.ISO_OFFSET_TIME.format(time));
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writeFloating(JsonGenerator json, double number) throws IOException {
        if (Double.isFinite(number)) {
            json.writeNumber(number);
        } else {
            // JSON has no NaN or Infinity
            json.writeString(Double.toString(number));
        }
    }
}

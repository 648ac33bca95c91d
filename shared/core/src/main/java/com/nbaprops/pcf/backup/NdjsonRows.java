package com.nbaprops.pcf.backup;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows as newline-delimited JSON, one object per row with every column of the table: the format
 * BigQuery loads ({@code bq load --source_format=NEWLINE_DELIMITED_JSON}), so a backup can go back
 * through either engine. Dates are {@code YYYY-MM-DD}, timestamps ISO-8601 instants in UTC.
 */
public final class NdjsonRows {
  public static final String CONTENT_TYPE = "application/x-ndjson";

  private NdjsonRows() {}

  public static byte[] encode(TableDefinition table, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    for (Row row : rows) {
      JsonObject object = new JsonObject();
      for (Column column : table.columns()) {
        object.add(column.name(), toJson(row.has(column.name()) ? row.get(column.name()) : null));
      }
      out.append(object).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads rows back, typed by the table's columns.
   *
   * @throws IllegalArgumentException naming the line, when a line is not an object of the table's
   *     columns
   */
  public static List<Row> decode(TableDefinition table, byte[] content) {
    List<Row> rows = new ArrayList<>();
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        rows.add(decodeLine(table, lines[i]));
      } catch (JsonParseException
          | IllegalStateException
          | IllegalArgumentException
          | DateTimeParseException e) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " is not a row of " + table.name() + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static Row decodeLine(TableDefinition table, String line) {
    JsonObject object = JsonParser.parseString(line).getAsJsonObject();
    Set<String> unknown = new TreeSet<>(object.keySet());
    Row.Builder row = Row.builder();
    for (Column column : table.columns()) {
      unknown.remove(column.name());
      JsonElement value = object.get(column.name());
      Object decoded =
          value == null || value.isJsonNull() ? null : fromJson(column, value.getAsJsonPrimitive());
      if (decoded == null && column.required()) {
        throw new IllegalArgumentException("required column " + column.name() + " is missing");
      }
      row.set(column.name(), decoded);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown columns " + unknown);
    }
    return row.build();
  }

  private static JsonElement toJson(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof Number number) {
      return new JsonPrimitive(number);
    }
    if (value instanceof Boolean bool) {
      return new JsonPrimitive(bool);
    }
    return new JsonPrimitive(value.toString());
  }

  private static Object fromJson(Column column, JsonPrimitive value) {
    return switch (column.type()) {
      case STRING -> value.getAsString();
      case INT64 -> value.getAsBigDecimal().longValueExact();
      case FLOAT64 -> value.getAsDouble();
      case BOOL -> {
        if (!value.isBoolean()) {
          throw new IllegalArgumentException(
              column.name() + " must be true or false, got " + value);
        }
        yield value.getAsBoolean();
      }
      case DATE -> LocalDate.parse(value.getAsString());
      case TIMESTAMP -> Instant.parse(value.getAsString());
    };
  }
}

package com.nbaprops.pcf.local.serve;

import com.nbaprops.pcf.loopback.LoopbackBigQuery;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers the statements a function sends to BigQuery by running them on a warehouse of the
 * embedded default: the suite's SQL is GoogleSQL that runs unchanged on DuckDB, so a function under
 * the invoker gets the rows BigQuery would give it. Loads are not applied (the loopback records
 * them).
 */
public final class WarehouseAnswers implements LoopbackBigQuery.Statements {
  /** How the client writes a TIMESTAMP parameter. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

  private final Warehouse warehouse;

  public WarehouseAnswers(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public LoopbackBigQuery.Answer answer(String text, List<LoopbackBigQuery.Parameter> parameters) {
    Sql sql = Sql.of(text);
    for (LoopbackBigQuery.Parameter parameter : parameters) {
      sql = bind(sql, parameter);
    }
    String verb = text.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    if (!verb.equals("SELECT") && !verb.equals("WITH")) {
      return new LoopbackBigQuery.Answer(List.of(), List.of(), warehouse.execute(sql));
    }
    List<Row> rows = warehouse.query(sql);
    if (rows.isEmpty()) {
      return LoopbackBigQuery.Answer.EMPTY;
    }
    List<String> columns = List.copyOf(rows.get(0).values().keySet());
    List<String[]> schema = new ArrayList<>();
    for (String column : columns) {
      schema.add(new String[] {column, type(rows, column)});
    }
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows) {
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        values.add(text(row.get(column)));
      }
      cells.add(values);
    }
    return new LoopbackBigQuery.Answer(schema, cells, 0);
  }

  private static Sql bind(Sql sql, LoopbackBigQuery.Parameter parameter) {
    String name = parameter.name();
    String value = parameter.value();
    return switch (parameter.type()) {
      case "DATE" -> sql.date(name, value == null ? null : LocalDate.parse(value));
      case "INT64" -> sql.int64(name, value == null ? null : Long.valueOf(value));
      case "FLOAT64" -> sql.float64(name, value == null ? null : Double.valueOf(value));
      case "BOOL" -> sql.bool(name, value == null ? null : Boolean.valueOf(value));
      case "TIMESTAMP" ->
          sql.timestamp(
              name, value == null ? null : OffsetDateTime.parse(value, TIMESTAMP).toInstant());
      default -> sql.string(name, value);
    };
  }

  /**
   * The type of a column as the REST API names it in a schema (the legacy names), from its first
   * non-null value (STRING when all are null).
   */
  private static String type(List<Row> rows, String column) {
    for (Row row : rows) {
      Object value = row.get(column);
      if (value instanceof Long) {
        return "INTEGER";
      } else if (value instanceof Double) {
        return "FLOAT";
      } else if (value instanceof Boolean) {
        return "BOOLEAN";
      } else if (value instanceof LocalDate) {
        return "DATE";
      } else if (value instanceof Instant) {
        return "TIMESTAMP";
      } else if (value != null) {
        return "STRING";
      }
    }
    return "STRING";
  }

  private static String text(Object value) {
    if (value instanceof Instant instant) {
      return Long.toString(instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000);
    }
    return value == null ? null : value.toString();
  }
}

package com.nbaprops.pcf.local.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.nbaprops.pcf.backup.NdjsonRows;
import com.nbaprops.pcf.loopback.LoopbackBigQuery;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.sql.Identifiers;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.Dataset;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the statements a function sends to BigQuery by running them on a warehouse of the
 * embedded default: the suite's SQL is GoogleSQL that runs unchanged on DuckDB, so a function under
 * the invoker gets the rows BigQuery would give it. Loads land in the warehouse (into a partition
 * when the destination names one), and the staging tables the adapter creates and drops are created
 * and dropped there, so what the functions write is what {@code status} reads after.
 */
public final class WarehouseAnswers implements LoopbackBigQuery.Statements {
  /** How the client writes a TIMESTAMP parameter. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

  private final Warehouse warehouse;
  private final Catalog catalog;
  private final Map<String, TableDefinition> staged = new HashMap<>();

  public WarehouseAnswers(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.catalog = catalog;
  }

  @Override
  public Optional<String> partitionColumn(String dataset, String table) {
    return known(dataset, table).map(TableDefinition::partitionColumn);
  }

  @Override
  public void createTable(String dataset, String table, JsonObject resource) {
    if (known(dataset, table).isPresent()) {
      return;
    }
    if (!dataset.equals(catalog.datasetName(Dataset.STAGING))) {
      throw new IllegalArgumentException(
          "the loopback creates only staging tables, not " + dataset + "." + table);
    }
    List<Column> columns = new ArrayList<>();
    for (JsonElement field : resource.getAsJsonObject("schema").getAsJsonArray("fields")) {
      JsonObject f = field.getAsJsonObject();
      columns.add(
          Column.nullable(
              f.get("name").getAsString(), columnType(f.get("type").getAsString()), ""));
    }
    TableDefinition definition =
        new TableDefinition(
            Dataset.STAGING, table, "staged rows", columns, null, List.of(), false, List.of());
    warehouse.createTables(List.of(definition));
    staged.put(table, definition);
  }

  @Override
  public void deleteTable(String dataset, String table) {
    if (staged.remove(table) != null) {
      warehouse.execute(
          Sql.of(
              "DROP TABLE IF EXISTS "
                  + Identifiers.check(dataset)
                  + "."
                  + Identifiers.check(table)));
    }
  }

  @Override
  public void load(
      String dataset, String table, LocalDate partition, boolean truncate, String ndjson) {
    TableDefinition definition =
        known(dataset, table)
            .or(() -> Optional.ofNullable(staged.get(table)))
            .orElseThrow(() -> new IllegalArgumentException("no table " + dataset + "." + table));
    List<Row> rows = NdjsonRows.decode(definition, ndjson.getBytes(StandardCharsets.UTF_8));
    if (partition != null) {
      warehouse.replacePartition(definition, partition, rows);
    } else if (truncate) {
      warehouse.replaceAll(definition, rows);
    } else {
      warehouse.append(definition, rows);
    }
  }

  private Optional<TableDefinition> known(String dataset, String table) {
    return Tables.ALL.stream()
        .filter(t -> t.name().equals(table) && catalog.datasetName(t.dataset()).equals(dataset))
        .findFirst();
  }

  /** A REST schema type, in its legacy or its GoogleSQL name. */
  private static ColumnType columnType(String type) {
    return switch (type) {
      case "INTEGER", "INT64" -> ColumnType.INT64;
      case "FLOAT", "FLOAT64" -> ColumnType.FLOAT64;
      case "BOOLEAN", "BOOL" -> ColumnType.BOOL;
      case "DATE" -> ColumnType.DATE;
      case "TIMESTAMP" -> ColumnType.TIMESTAMP;
      default -> ColumnType.STRING;
    };
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

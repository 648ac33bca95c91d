package com.nbaprops.pcf.local.cli;

import com.google.zetasql.EvaluatorTableModifyResponse;
import com.google.zetasql.PreparedModify;
import com.google.zetasql.PreparedQuery;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.TableContent;
import com.google.zetasql.Value;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GoogleSQL's reference implementation (ZetaSQL's evaluator, BigQuery's semantics) over in-memory
 * tables: what BigQuery would compute for a statement over the same rows.
 */
final class ReferenceEngine {
  /**
   * A DML statement's effect: the rows it writes (inserted, or updated to), and how many it took.
   */
  record Modification(List<Row> written, int removed) {}

  /** Some columns of a table, and some of its rows: what a statement reads of it. */
  record Slice(List<Column> columns, List<Row> rows) {}

  private final GoogleSqlAnalyzer analyzer;
  private final Catalog names;
  private final List<TableDefinition> tables;
  private final ZetaSQLBuiltinFunctionOptions functions;

  ReferenceEngine(Catalog names, List<TableDefinition> tables) {
    this.analyzer = new GoogleSqlAnalyzer(names, tables);
    this.names = names;
    this.tables = List.copyOf(tables);
    this.functions =
        new ZetaSQLBuiltinFunctionOptions(analyzer.options(Sql.of("")).getLanguageOptions());
  }

  /**
   * A catalog of the slices only. The evaluator takes contents only for tables at the top of its
   * catalog, and its channel carries at most 4 MB: each table is there under its dataset-qualified
   * name with the columns the statement names, and statements name it in backticks, as BigQuery
   * allows.
   */
  private SimpleCatalog catalog(Map<TableDefinition, Slice> slices) {
    SimpleCatalog catalog = new SimpleCatalog("reference");
    catalog.addZetaSQLFunctionsAndTypes(functions);
    slices.forEach(
        (table, slice) -> {
          String name = names.qualifiedName(table);
          catalog.addSimpleTable(
              name,
              new SimpleTable(
                  name,
                  slice.columns().stream()
                      .map(
                          column ->
                              new SimpleColumn(
                                  name, column.name(), GoogleSqlAnalyzer.type(column.type())))
                      .toList()));
        });
    return catalog;
  }

  /** {@code sql} with each table named in backticks, as the reference catalog holds it. */
  private String flatText(Sql sql) {
    String text = sql.text();
    for (TableDefinition table : tables) {
      String name = names.qualifiedName(table);
      text = text.replaceAll("(?<![`\\w.])" + Pattern.quote(name) + "(?![\\w`])", "`" + name + "`");
    }
    return text;
  }

  /** The rows {@code sql} returns over {@code contents}, by column name. */
  List<Row> query(Sql sql, Map<TableDefinition, Slice> contents) {
    try (PreparedQuery query =
        PreparedQuery.builder()
            .setSql(flatText(sql))
            .setAnalyzerOptions(analyzer.options(sql))
            .setCatalog(catalog(contents))
            .setTablesContents(tables(contents))
            .prepare()) {
      List<SimpleColumn> columns = query.getColumns();
      List<Row> rows = new ArrayList<>();
      for (List<Value> values : query.execute(parameters(sql)).getTableData()) {
        Row.Builder row = Row.builder();
        for (int i = 0; i < columns.size(); i++) {
          row.set(columns.get(i).getName(), java(values.get(i)));
        }
        rows.add(row.build());
      }
      return rows;
    }
  }

  /** What DML {@code sql} does to {@code table} holding {@code before}. */
  Modification modify(Sql sql, TableDefinition table, Map<TableDefinition, Slice> contents) {
    try (PreparedModify modify =
        PreparedModify.builder()
            .setSql(flatText(sql))
            .setAnalyzerOptions(analyzer.options(sql))
            .setCatalog(catalog(contents))
            .setTablesContents(tables(contents))
            .prepare()) {
      EvaluatorTableModifyResponse response = modify.execute(parameters(sql));
      List<Row> written = new ArrayList<>();
      int removed = 0;
      for (EvaluatorTableModifyResponse.Row changed : response.getContent()) {
        switch (changed.getOperation()) {
          case INSERT -> written.add(row(contents.get(table).columns(), changed.getContent()));
          case UPDATE -> {
            written.add(row(contents.get(table).columns(), changed.getContent()));
            removed++;
          }
          case DELETE -> removed++;
        }
      }
      return new Modification(written, removed);
    }
  }

  private Map<String, TableContent> tables(Map<TableDefinition, Slice> contents) {
    Map<String, TableContent> tables = new HashMap<>();
    contents.forEach(
        (table, slice) -> {
          List<List<Value>> data = new ArrayList<>();
          for (Row row : slice.rows()) {
            List<Value> values = new ArrayList<>();
            for (Column column : slice.columns()) {
              values.add(value(column.type(), row.get(column.name())));
            }
            data.add(values);
          }
          tables.put(names.qualifiedName(table), TableContent.create(data));
        });
    return tables;
  }

  private static Row row(List<Column> columns, List<Value> values) {
    Row.Builder row = Row.builder();
    for (int i = 0; i < columns.size(); i++) {
      row.set(columns.get(i).name(), java(values.get(i)));
    }
    return row.build();
  }

  private static Map<String, Value> parameters(Sql sql) {
    Map<String, Value> values = new HashMap<>();
    sql.parameters().forEach((name, p) -> values.put(name, value(p.type(), p.value())));
    return values;
  }

  static Value value(ColumnType type, Object value) {
    if (value == null) {
      return Value.createNullValue(GoogleSqlAnalyzer.type(type));
    }
    return switch (type) {
      case STRING -> Value.createStringValue(value.toString());
      case INT64 -> Value.createInt64Value(((Number) value).longValue());
      case FLOAT64 -> Value.createDoubleValue(((Number) value).doubleValue());
      case BOOL -> Value.createBoolValue((Boolean) value);
      case DATE -> Value.createDateValue((LocalDate) value);
      case TIMESTAMP ->
          Value.createTimestampValueFromUnixMicros(
              ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value));
    };
  }

  /**
   * A value as the DuckDB adapter returns it: Long, Double, String, Boolean, LocalDate, Instant.
   */
  static Object java(Value value) {
    if (value.isNull()) {
      return null;
    }
    TypeKind kind = value.getType().getKind();
    return switch (kind) {
      case TYPE_INT64 -> value.getInt64Value();
      case TYPE_INT32 -> (long) value.getInt32Value();
      case TYPE_DOUBLE -> value.getDoubleValue();
      case TYPE_FLOAT -> (double) value.getFloatValue();
      case TYPE_NUMERIC, TYPE_BIGNUMERIC -> value.getNumericValue().doubleValue();
      case TYPE_STRING -> value.getStringValue();
      case TYPE_BOOL -> value.getBoolValue();
      case TYPE_DATE -> value.getLocalDateValue();
      case TYPE_TIMESTAMP -> Instant.EPOCH.plus(value.getTimestampUnixMicros(), ChronoUnit.MICROS);
      default -> value.toString();
    };
  }
}

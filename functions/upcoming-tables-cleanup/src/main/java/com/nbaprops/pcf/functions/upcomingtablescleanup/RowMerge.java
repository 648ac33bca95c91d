package com.nbaprops.pcf.functions.upcomingtablescleanup;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row written by its key in a single MERGE: inserted the first time, replaced after. A
 * redelivered run rewrites its own audit row instead of adding a second, and the statement is
 * atomic, so no reader sees the row missing.
 */
final class RowMerge {
  private RowMerge() {}

  static Sql of(Catalog catalog, TableDefinition table, String key, Row row) {
    List<Column> columns = table.columns();
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    String values = columns.stream().map(c -> "@" + c.name()).collect(Collectors.joining(", "));
    String updates =
        columns.stream()
            .filter(c -> !c.name().equals(key))
            .map(c -> c.name() + " = @" + c.name())
            .collect(Collectors.joining(", "));
    Sql sql =
        Sql.of(
            catalog
                .template(
                    "MERGE INTO {table} AS target USING (SELECT @{key} AS {key}) AS source"
                        + " ON target.{key} = source.{key}"
                        + " WHEN MATCHED THEN UPDATE SET {updates}"
                        + " WHEN NOT MATCHED THEN INSERT ({names}) VALUES ({values})",
                    table)
                .with("key", key)
                .with("updates", updates)
                .with("names", names)
                .with("values", values)
                .render());
    for (Column column : columns) {
      sql = bind(sql, column, row);
    }
    return sql;
  }

  /** {@code sql} with the row's value of {@code column} as the parameter of its name. */
  private static Sql bind(Sql sql, Column column, Row row) {
    String name = column.name();
    return switch (column.type()) {
      case STRING -> sql.string(name, row.string(name));
      case INT64 -> sql.int64(name, row.int64(name));
      case FLOAT64 -> sql.float64(name, row.float64(name));
      case BOOL -> sql.bool(name, row.bool(name));
      case DATE -> sql.date(name, row.date(name));
      case TIMESTAMP -> sql.timestamp(name, row.timestamp(name));
    };
  }
}

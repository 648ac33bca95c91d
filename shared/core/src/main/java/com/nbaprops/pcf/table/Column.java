package com.nbaprops.pcf.table;

import static java.util.Objects.requireNonNull;

import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.sql.Identifiers;

/** One column of a {@link TableDefinition}. */
public record Column(String name, ColumnType type, boolean required, String description) {
  public Column {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    Identifiers.check(name);
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }

  public static Column nullable(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }
}

package com.nbaprops.pcf.sql;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A statement in the SQL subset both BigQuery and DuckDB run: named {@code @parameters} for every
 * value, plain {@code dataset.table} names, dates computed in Java. The text never holds a value.
 */
public record Sql(String text, Map<String, Parameter> parameters) {

  /** A typed value; a null value is a typed NULL. */
  public record Parameter(ColumnType type, Object value) {
    public Parameter {
      requireNonNull(type, "type");
    }
  }

  public Sql {
    requireNonNull(text, "text");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static Sql of(String text) {
    return new Sql(text, Map.of());
  }

  public Sql date(String name, LocalDate value) {
    return with(name, ColumnType.DATE, value);
  }

  public Sql int64(String name, Long value) {
    return with(name, ColumnType.INT64, value);
  }

  public Sql float64(String name, Double value) {
    return with(name, ColumnType.FLOAT64, value);
  }

  public Sql string(String name, String value) {
    return with(name, ColumnType.STRING, value);
  }

  public Sql bool(String name, Boolean value) {
    return with(name, ColumnType.BOOL, value);
  }

  public Sql timestamp(String name, Instant value) {
    return with(name, ColumnType.TIMESTAMP, value);
  }

  private Sql with(String name, ColumnType type, Object value) {
    Identifiers.check(name);
    LinkedHashMap<String, Parameter> next = new LinkedHashMap<>(parameters);
    next.put(name, new Parameter(type, value));
    return new Sql(text, next);
  }
}

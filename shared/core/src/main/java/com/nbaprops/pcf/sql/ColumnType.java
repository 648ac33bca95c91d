package com.nbaprops.pcf.sql;

/** The column and parameter types the suite uses, named as GoogleSQL names them. */
public enum ColumnType {
  STRING("VARCHAR"),
  INT64("BIGINT"),
  FLOAT64("DOUBLE"),
  BOOL("BOOLEAN"),
  DATE("DATE"),
  /** An instant; DuckDB keeps it as a UTC TIMESTAMP. */
  TIMESTAMP("TIMESTAMP");

  private final String duckDbType;

  ColumnType(String duckDbType) {
    this.duckDbType = duckDbType;
  }

  public String duckDbType() {
    return duckDbType;
  }
}

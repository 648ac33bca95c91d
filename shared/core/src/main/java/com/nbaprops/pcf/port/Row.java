package com.nbaprops.pcf.port;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row read from or written to the warehouse: column name to a plain Java value (String, Long,
 * Double, Boolean, LocalDate, Instant or null). Getters convert the numeric types engines return
 * (BigInteger sums, BigDecimal).
 */
public final class Row {
  private final Map<String, Object> values;

  private Row(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static Row of(Map<String, ?> values) {
    return new Row(new LinkedHashMap<>(values));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, Object> values() {
    return values;
  }

  public boolean has(String column) {
    return values.containsKey(column);
  }

  public Object get(String column) {
    if (!values.containsKey(column)) {
      throw new IllegalArgumentException("no column " + column + " in row " + values.keySet());
    }
    return values.get(column);
  }

  public String string(String column) {
    Object value = get(column);
    return value == null ? null : value.toString();
  }

  public Long int64(String column) {
    Object value = get(column);
    if (value == null) {
      return null;
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.longValueExact();
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    return Long.parseLong(value.toString());
  }

  public Integer int32(String column) {
    Long value = int64(column);
    return value == null ? null : Math.toIntExact(value);
  }

  public Double float64(String column) {
    Object value = get(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    return Double.parseDouble(value.toString());
  }

  public Boolean bool(String column) {
    Object value = get(column);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    return Boolean.parseBoolean(value.toString());
  }

  public LocalDate date(String column) {
    Object value = get(column);
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    return LocalDate.parse(value.toString());
  }

  public Instant timestamp(String column) {
    Object value = get(column);
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    return Instant.parse(value.toString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row row && row.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Collects column values in order. */
  public static final class Builder {
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    public Builder set(String column, Object value) {
      values.put(column, value);
      return this;
    }

    public Row build() {
      return new Row(new LinkedHashMap<>(values));
    }
  }
}

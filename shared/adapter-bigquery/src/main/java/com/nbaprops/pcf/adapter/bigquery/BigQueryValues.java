package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.nbaprops.pcf.sql.Sql;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Values between {@link com.nbaprops.pcf.port.Row}'s plain Java types and BigQuery's parameters and
 * cells.
 */
final class BigQueryValues {
  private BigQueryValues() {}

  static QueryParameterValue parameter(Sql.Parameter parameter) {
    Object value = parameter.value();
    return switch (parameter.type()) {
      case STRING -> QueryParameterValue.string((String) value);
      case INT64 -> QueryParameterValue.int64((Long) value);
      case FLOAT64 -> QueryParameterValue.float64((Double) value);
      case BOOL -> QueryParameterValue.bool((Boolean) value);
      case DATE -> QueryParameterValue.date(value == null ? null : value.toString());
      case TIMESTAMP ->
          QueryParameterValue.timestamp(value == null ? null : micros((Instant) value));
    };
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  static Object toJava(Field field, FieldValue value) {
    if (value == null || value.isNull()) {
      return null;
    }
    StandardSQLTypeName type = field.getType().getStandardType();
    return switch (type) {
      case INT64 -> value.getLongValue();
      case FLOAT64 -> value.getDoubleValue();
      case NUMERIC, BIGNUMERIC -> value.getNumericValue().doubleValue();
      case BOOL -> value.getBooleanValue();
      case DATE -> LocalDate.parse(value.getStringValue());
      case TIMESTAMP -> value.getTimestampInstant();
      default -> value.getStringValue();
    };
  }
}

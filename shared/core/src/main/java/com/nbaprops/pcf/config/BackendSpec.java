package com.nbaprops.pcf.config;

import java.util.regex.Pattern;

/**
 * A backend as configured, {@code kind[:location]}: {@code duckdb:.local/warehouse.duckdb}, {@code
 * bigquery}, {@code pubsub:my-project}, {@code gcs:my-bucket}.
 *
 * @param variable the environment variable it came from, named in every error
 */
public record BackendSpec(String variable, String kind, String location) {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

  /**
   * The spec a variable holds; a {@link ConfigException} naming the variable if it has no such
   * form.
   */
  public static BackendSpec parse(String variable, String value) {
    int colon = value.indexOf(':');
    String kind = colon < 0 ? value : value.substring(0, colon);
    if (!KIND.matcher(kind).matches() || colon == value.length() - 1) {
      throw new ConfigException(
          variable
              + "='"
              + value
              + "' must be KIND or KIND:LOCATION, e.g. duckdb:.local/warehouse.duckdb");
    }
    return new BackendSpec(variable, kind, colon < 0 ? null : value.substring(colon + 1));
  }

  /** The location after the colon; required by kinds that name a file, a folder or a bucket. */
  public String requireLocation() {
    if (location == null) {
      throw new ConfigException(
          variable + "='" + this + "' names no location: write " + kind + ":LOCATION");
    }
    return location;
  }

  /** The project after the colon, or {@code fallback} (the configured {@code PROJECT_ID}). */
  public String projectOr(String fallback) {
    return location == null ? fallback : location;
  }

  @Override
  public String toString() {
    return location == null ? kind : kind + ":" + location;
  }
}

package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.ConfigException;

/**
 * A backend as configured, {@code kind[:location]}: {@code duckdb:.local/warehouse.duckdb}, {@code
 * bigquery}, {@code pubsub:my-project}, {@code gcs:my-bucket}.
 *
 * @param variable the environment variable it came from, named in every error
 */
public record BackendSpec(String variable, String kind, String location) {

  public static BackendSpec parse(String variable, String value) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      return new BackendSpec(variable, value, null);
    }
    if (colon == 0 || colon == value.length() - 1) {
      throw new ConfigException(
          variable + "='" + value + "' needs a kind and a location around the ':'");
    }
    return new BackendSpec(variable, value.substring(0, colon), value.substring(colon + 1));
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

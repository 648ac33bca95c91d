package com.nbaprops.pcf.local.runtime;

/**
 * Which adapters the CLI uses, as {@code WAREHOUSE}, {@code BUS} and {@code BLOBS} specs; null
 * keeps the embedded default (a DuckDB file, the in-process bus, a blob directory, all in the
 * pipeline home).
 */
public record BackendChoice(String warehouse, String bus, String blobs) {
  public static final BackendChoice EMBEDDED = new BackendChoice(null, null, null);
}

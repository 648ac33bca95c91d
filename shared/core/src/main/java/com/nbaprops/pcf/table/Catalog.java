package com.nbaprops.pcf.table;

import com.nbaprops.pcf.sql.Identifiers;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.sql.SqlTemplate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves a table to its qualified name ({@code dataset.table}) using the configured dataset
 * names.
 */
public final class Catalog {
  private final Map<Dataset, String> datasetNames;

  /** Each table's placeholder name and qualified name, for {@link #template(String)}. */
  private final Map<String, String> tableNames;

  public Catalog(Map<Dataset, String> datasetNames) {
    EnumMap<Dataset, String> names = new EnumMap<>(Dataset.class);
    for (Dataset dataset : Dataset.values()) {
      names.put(
          dataset, Identifiers.check(datasetNames.getOrDefault(dataset, dataset.defaultName())));
    }
    this.datasetNames = names;
    Map<String, String> tables = new LinkedHashMap<>();
    for (TableDefinition table : Tables.ALL) {
      tables.put(table.name(), qualifiedName(table));
    }
    this.tableNames = Map.copyOf(tables);
  }

  public static Catalog defaults() {
    return new Catalog(Map.of());
  }

  public String datasetName(Dataset dataset) {
    return datasetNames.get(dataset);
  }

  /**
   * A statement whose tables are named as {@code {table_name}} placeholders (each a table of {@link
   * Tables#ALL}), filled with their qualified names here; any other placeholder fails.
   */
  public Sql sql(String template) {
    return Sql.of(template(template).render());
  }

  /**
   * SQL text about one table: {@code {table}} is its qualified name, {@code {partition}} its
   * partition column (when it has one); the other tables as in {@link #template(String)}.
   */
  public SqlTemplate template(String text, TableDefinition table) {
    SqlTemplate sql = template(text).with("table", qualifiedName(table));
    return table.partitionColumn() == null ? sql : sql.with("partition", table.partitionColumn());
  }

  /** SQL text with its {@code {table_name}} placeholders filled, and room for others. */
  public SqlTemplate template(String text) {
    return SqlTemplate.of(text).with(tableNames);
  }

  /**
   * {@code dataset.table}: valid unquoted in both GoogleSQL (default project) and DuckDB
   * (schema.table).
   */
  public String qualifiedName(TableDefinition table) {
    return datasetName(table.dataset()) + "." + table.name();
  }
}

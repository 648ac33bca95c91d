package com.nbaprops.pcf.table;

import static java.util.Objects.requireNonNull;

import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.sql.Identifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's shape, written once: DuckDB creates it from this, the BigQuery adapter and Terraform
 * describe it from this.
 *
 * @param partitionColumn the DATE column the table is partitioned by; per-date replacement works on
 *     it
 * @param requirePartitionFilter whether every query must filter on the partition column (BigQuery
 *     enforces it)
 * @param key the columns that identify a row (not enforced by either engine; a restore uses it to
 *     skip rows that are already there); empty when the table has none
 */
public record TableDefinition(
    Dataset dataset,
    String name,
    String description,
    List<Column> columns,
    String partitionColumn,
    List<String> clustering,
    boolean requirePartitionFilter,
    List<String> key) {

  public TableDefinition {
    requireNonNull(dataset, "dataset");
    Identifiers.check(name);
    columns = List.copyOf(columns);
    clustering = List.copyOf(clustering);
    key = List.copyOf(key);
    Map<String, Column> byName = new LinkedHashMap<>();
    for (Column column : columns) {
      if (byName.put(column.name(), column) != null) {
        throw new IllegalArgumentException(name + ": duplicate column " + column.name());
      }
    }
    if (partitionColumn != null && byName.get(partitionColumn) == null) {
      throw new IllegalArgumentException(name + ": no partition column " + partitionColumn);
    }
    if (partitionColumn != null && byName.get(partitionColumn).type() != ColumnType.DATE) {
      throw new IllegalArgumentException(
          name + ": partition column " + partitionColumn + " is not a DATE");
    }
    for (String column : clustering) {
      if (!byName.containsKey(column)) {
        throw new IllegalArgumentException(name + ": no clustering column " + column);
      }
    }
    for (String column : key) {
      if (!byName.containsKey(column) || !byName.get(column).required()) {
        throw new IllegalArgumentException(
            name + ": key column " + column + " is not a required column");
      }
    }
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Column partition() {
    if (partitionColumn == null) {
      throw new IllegalStateException(name + " is not partitioned");
    }
    return column(partitionColumn).orElseThrow();
  }

  public static Builder builder(Dataset dataset, String name, String description) {
    return new Builder(dataset, name, description);
  }

  /** Builds a definition column by column, so the catalog reads like a schema file. */
  public static final class Builder {
    private final Dataset dataset;
    private final String name;
    private final String description;
    private final java.util.ArrayList<Column> columns = new java.util.ArrayList<>();
    private String partitionColumn;
    private List<String> clustering = List.of();
    private boolean requirePartitionFilter;
    private List<String> key = List.of();

    private Builder(Dataset dataset, String name, String description) {
      this.dataset = dataset;
      this.name = name;
      this.description = description;
    }

    public Builder required(String column, ColumnType type, String about) {
      columns.add(Column.required(column, type, about));
      return this;
    }

    public Builder nullable(String column, ColumnType type, String about) {
      columns.add(Column.nullable(column, type, about));
      return this;
    }

    public Builder partitionBy(String column, boolean requireFilter) {
      this.partitionColumn = column;
      this.requirePartitionFilter = requireFilter;
      return this;
    }

    public Builder clusterBy(String... columns) {
      this.clustering = List.of(columns);
      return this;
    }

    public Builder key(String... columns) {
      this.key = List.of(columns);
      return this;
    }

    public TableDefinition build() {
      return new TableDefinition(
          dataset,
          name,
          description,
          columns,
          partitionColumn,
          clustering,
          requirePartitionFilter,
          key);
    }
  }
}

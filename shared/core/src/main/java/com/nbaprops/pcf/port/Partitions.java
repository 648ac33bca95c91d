package com.nbaprops.pcf.port;

import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The partitions a set of rows belongs to, for the adapters' multi-partition writes. */
public final class Partitions {
  private Partitions() {}

  /**
   * Refuses rows meant for one partition that belong to another.
   *
   * @throws IllegalArgumentException when a row of {@code rows} belongs to another partition than
   *     {@code partition}
   */
  public static void check(TableDefinition table, LocalDate partition, List<Row> rows) {
    String column = table.partition().name();
    for (Row row : rows) {
      if (!partition.equals(row.date(column))) {
        throw new IllegalArgumentException(
            table.name()
                + ": a row for "
                + column
                + "="
                + row.date(column)
                + " cannot replace partition "
                + partition);
      }
    }
  }

  /**
   * The distinct partition dates of {@code rows}, in order.
   *
   * @throws IllegalArgumentException when there are no rows, or a row has no partition date
   */
  public static List<LocalDate> of(TableDefinition table, List<Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          table.name() + ": no rows name a partition to replace; empty one with replacePartition");
    }
    String column = table.partition().name();
    List<LocalDate> dates = rows.stream().map(row -> row.date(column)).toList();
    if (dates.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(table.name() + ": a row has no " + column);
    }
    return dates.stream().distinct().sorted().toList();
  }
}

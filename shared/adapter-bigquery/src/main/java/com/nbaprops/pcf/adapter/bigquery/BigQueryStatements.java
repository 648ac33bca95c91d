package com.nbaprops.pcf.adapter.bigquery;

import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.List;

/**
 * The statements the BigQuery adapter writes itself (the rest come from the services), public so
 * tests analyse them.
 */
public final class BigQueryStatements {
  private BigQueryStatements() {}

  /** Empties one partition: what replacing a date with no rows amounts to. */
  public static Sql deletePartition(Catalog catalog, TableDefinition table, LocalDate partition) {
    return Sql.of(
            catalog.template("DELETE FROM {table} WHERE {partition} = @partition", table).render())
        .date("partition", partition);
  }

  public static Sql truncate(Catalog catalog, TableDefinition table) {
    return Sql.of(catalog.template("TRUNCATE TABLE {table}", table).render());
  }

  /** Every statement the adapter can write for {@code table}. */
  public static List<Sql> all(Catalog catalog, TableDefinition table) {
    return table.partitionColumn() == null
        ? List.of(truncate(catalog, table))
        : List.of(deletePartition(catalog, table, LocalDate.EPOCH), truncate(catalog, table));
  }
}

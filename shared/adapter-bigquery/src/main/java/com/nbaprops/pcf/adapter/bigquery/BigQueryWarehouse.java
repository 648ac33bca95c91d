package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import com.nbaprops.pcf.backup.NdjsonRows;
import com.nbaprops.pcf.port.Partitions;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Dataset;
import com.nbaprops.pcf.table.TableDefinition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The warehouse on BigQuery. Reads and DML are GoogleSQL query jobs with typed named parameters.
 * Bulk writes are load jobs of newline-delimited JSON, never streaming inserts (rows in the
 * streaming buffer cannot be deleted or merged for up to 90 minutes), and never into the table
 * itself: into a staging table of their own, then one DML statement (a MERGE that replaces the
 * dates, an INSERT that appends) moves them, atomically. A load into a table needs {@code
 * bigquery.tables.update} on it (BigQuery's "Required permissions" for loading data), which also
 * lets an account change the table's schema and expiration; DML needs only {@code
 * bigquery.tables.updateData}. So each function's account may change rows and nothing else
 * (terraform/bootstrap's pcfTableRows role).
 */
final class BigQueryWarehouse implements Warehouse {
  /** How long a staging table outlives a writer that died before removing it. */
  private static final Duration STAGING_LIFETIME = Duration.ofDays(1);

  private final BigQuery bigquery;
  private final Catalog catalog;
  private final JobRetry retry;

  BigQueryWarehouse(BigQuery bigquery, Catalog catalog, JobRetry retry) {
    this.bigquery = bigquery;
    this.catalog = catalog;
    this.retry = retry;
  }

  @Override
  public void createTables(List<TableDefinition> tables) {
    try {
      for (Dataset dataset : tables.stream().map(TableDefinition::dataset).distinct().toList()) {
        DatasetId id = DatasetId.of(catalog.datasetName(dataset));
        if (bigquery.getDataset(id) == null) {
          bigquery.create(DatasetInfo.newBuilder(id).build());
        }
      }
      for (TableDefinition table : tables) {
        TableId id = tableId(table);
        if (bigquery.getTable(id) == null) {
          bigquery.create(BigQuerySchemas.tableInfo(id, table));
        }
      }
    } catch (BigQueryException e) {
      throw new WarehouseException("cannot create the tables: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Row> query(Sql sql) {
    TableResult result;
    try {
      result = bigquery.query(queryConfiguration(sql));
    } catch (BigQueryException e) {
      throw new WarehouseException("query failed: " + e.getMessage() + "\n" + sql.text(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException("interrupted while waiting for a query", e);
    }
    List<Row> rows = new ArrayList<>();
    List<Field> fields = result.getSchema() == null ? List.of() : result.getSchema().getFields();
    for (FieldValueList values : result.iterateAll()) {
      Row.Builder row = Row.builder();
      for (int i = 0; i < fields.size(); i++) {
        row.set(fields.get(i).getName(), BigQueryValues.toJava(fields.get(i), values.get(i)));
      }
      rows.add(row.build());
    }
    return rows;
  }

  @Override
  public long execute(Sql sql) {
    Job job = run(sql, sql.text());
    QueryStatistics statistics = job.getStatistics();
    Long affected = statistics == null ? null : statistics.getNumDmlAffectedRows();
    return affected == null ? 0 : affected;
  }

  @Override
  public void replacePartition(TableDefinition table, LocalDate partition, List<Row> rows) {
    Partitions.check(table, partition, rows);
    if (rows.isEmpty()) {
      // A load of no rows is refused; an emptied partition is one DELETE.
      execute(BigQueryStatements.deletePartition(catalog, table, partition));
      return;
    }
    replacePartitions(table, rows);
  }

  /**
   * A load into a staging table of their own (in the staging dataset, expiring within a day should
   * this process die), then one MERGE that replaces the partitions with the staged rows: all
   * partitions or none, one date or many. Why a MERGE and not a transaction: {@link
   * BigQueryStatements#mergeStagedPartitions}. Why never a load into the table itself: {@link
   * BigQueryWarehouse}. A MERGE that replaces is run again when BigQuery says to: twice ends as
   * once.
   */
  @Override
  public void replacePartitions(TableDefinition table, List<Row> rows) {
    List<LocalDate> partitions = Partitions.of(table, rows);
    if (partitions.isEmpty()) {
      return;
    }
    staged(
        table,
        rows,
        staging ->
            run(
                BigQueryStatements.mergeStagedPartitions(
                    catalog,
                    table,
                    staging,
                    partitions.get(0),
                    partitions.get(partitions.size() - 1)),
                "replace " + partitions.size() + " partitions of " + table.name()));
  }

  /**
   * The whole table from one load: seeding and tests only (it needs {@code bigquery.tables.update},
   * which no function's account holds).
   */
  @Override
  public void replaceAll(TableDefinition table, List<Row> rows) {
    if (rows.isEmpty()) {
      execute(BigQueryStatements.truncate(catalog, table));
      return;
    }
    load(table, tableId(table), rows);
  }

  /**
   * Staged, then one INSERT, run once: an error while waiting (a backendError of the status poll)
   * does not prove the INSERT failed, and a second one would land the rows twice. Pub/Sub's
   * redelivery reruns the whole step, which reads what is there first.
   */
  @Override
  public void append(TableDefinition table, List<Row> rows) {
    if (!rows.isEmpty()) {
      staged(
          table,
          rows,
          staging ->
              runOnce(
                  BigQueryStatements.insertStaged(catalog, table, staging),
                  "append " + rows.size() + " rows to " + table.name()));
    }
  }

  /** An expiring table of the staging dataset, with {@code table}'s schema. */
  private TableId createStaging(TableDefinition table) {
    TableId staging =
        TableId.of(
            catalog.datasetName(Dataset.STAGING),
            table.name() + "_" + UUID.randomUUID().toString().replace("-", ""));
    try {
      bigquery.create(
          TableInfo.newBuilder(staging, StandardTableDefinition.of(BigQuerySchemas.schema(table)))
              .setExpirationTime(System.currentTimeMillis() + STAGING_LIFETIME.toMillis())
              .build());
    } catch (BigQueryException e) {
      throw new WarehouseException(
          "cannot create the staging table " + staging.getTable() + ": " + e.getMessage(), e);
    }
    return staging;
  }

  /** Loads {@code rows} into a new staging table, runs {@code write} with its name, drops it. */
  private void staged(TableDefinition table, List<Row> rows, Consumer<String> write) {
    TableId staging = createStaging(table);
    try {
      load(table, staging, rows);
      write.accept(staging.getDataset() + "." + staging.getTable());
    } finally {
      try {
        bigquery.delete(staging);
      } catch (BigQueryException e) {
        // It expires on its own; the write itself succeeded or failed above.
      }
    }
  }

  @Override
  public void close() {
    // The client holds no connection that needs closing.
  }

  /**
   * One load job replacing what {@code destination} held: either every row lands or none does, so
   * it is run again when BigQuery says to (twice ends as once).
   */
  private void load(TableDefinition table, TableId destination, List<Row> rows) {
    String description = "load of " + rows.size() + " rows into " + destination.getTable();
    retry.run(
        description,
        () -> {
          loadOnce(table, destination, rows, description);
          return null;
        });
  }

  private void loadOnce(
      TableDefinition table, TableId destination, List<Row> rows, String description) {
    WriteChannelConfiguration configuration =
        WriteChannelConfiguration.newBuilder(destination, FormatOptions.json())
            .setSchema(BigQuerySchemas.schema(table))
            .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
            .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
            .build();
    TableDataWriteChannel writer = bigquery.writer(newJobId(), configuration);
    try (writer) {
      writer.write(ByteBuffer.wrap(NdjsonRows.encode(table, rows)));
    } catch (BigQueryException e) {
      throw new JobRetry.JobFailed(
          e.getError(), "load into " + destination.getTable() + " failed: " + e.getMessage(), null);
    } catch (IOException e) {
      throw new WarehouseException(
          "load into " + destination.getTable() + " failed: " + e.getMessage(), e);
    }
    waitFor(writer.getJob(), description, null);
  }

  /**
   * One query job for {@code sql}, waited for; a new job (a new id) for each attempt, run again
   * when BigQuery says to.
   */
  private Job run(Sql sql, String description) {
    return retry.run(description, () -> runOnce(sql, description));
  }

  /**
   * One query job, waited for, never run again: alone, for a statement that must not land twice.
   */
  private Job runOnce(Sql sql, String description) {
    try {
      return waitFor(
          bigquery.create(JobInfo.of(newJobId(), queryConfiguration(sql))),
          description,
          sql.text());
    } catch (BigQueryException e) {
      throw new JobRetry.JobFailed(
          e.getError(), "job failed: " + e.getMessage() + "\n" + description, sql.text());
    }
  }

  private static Job waitFor(Job job, String description, String statement) {
    try {
      Job done = job.waitFor();
      if (done == null) {
        throw new WarehouseException(
            "job " + job.getJobId() + " disappeared: " + description, null);
      }
      BigQueryError error = done.getStatus().getError();
      if (error != null) {
        throw new JobRetry.JobFailed(
            error,
            "job "
                + done.getJobId().getJob()
                + " failed: "
                + error.getMessage()
                + "\n"
                + description,
            statement);
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException("interrupted while waiting for " + description, e);
    } catch (BigQueryException e) {
      throw new JobRetry.JobFailed(
          e.getError(), description + " failed: " + e.getMessage(), statement);
    }
  }

  private static QueryJobConfiguration queryConfiguration(Sql sql) {
    Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
    sql.parameters()
        .forEach((name, parameter) -> parameters.put(name, BigQueryValues.parameter(parameter)));
    return QueryJobConfiguration.newBuilder(sql.text())
        .setUseLegacySql(false)
        .setNamedParameters(parameters)
        .build();
  }

  private TableId tableId(TableDefinition table) {
    return TableId.of(catalog.datasetName(table.dataset()), table.name());
  }

  private static JobId newJobId() {
    return JobId.of("pcf-" + UUID.randomUUID());
  }
}

package com.nbaprops.pcf.adapter.embedded.duckdb;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB connection of a {@link DuckDbWarehouse} and the statements it keeps prepared, lent to
 * one call at a time: DuckDB runs the transactions of different connections side by side, so
 * functions delivered concurrently each write through their own.
 */
final class DuckDbSession implements AutoCloseable {
  /**
   * Statements kept prepared: the functions send the same few texts for every date, and DuckDB
   * spends as long planning a small query as running it.
   */
  private static final int PREPARED_STATEMENTS = 64;

  private final DuckDBConnection connection;
  private final Catalog catalog;
  private final WriteFailure failures;
  private volatile boolean broken;
  private final Map<String, PreparedStatement> prepared =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= PREPARED_STATEMENTS) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  DuckDbSession(DuckDBConnection connection, Catalog catalog, WriteFailure failures) {
    this.connection = connection;
    this.catalog = catalog;
    this.failures = failures;
  }

  DuckDBConnection connection() {
    return connection;
  }

  interface SqlWork {
    void run() throws SQLException;
  }

  void inTransaction(SqlWork work) {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        // The first error is the cause: a commit the disk refused leaves no transaction to roll
        // back, and the rollback's own error ("no transaction is active") must not replace it.
        quietly(connection::rollback, e);
        // A connection left outside autocommit would hold every later statement of its next
        // caller in a transaction nobody commits: it is not lent again.
        broken = !quietly(() -> connection.setAutoCommit(true), e);
        throw e;
      }
      connection.setAutoCommit(true);
      failures.succeeded();
    } catch (SQLException e) {
      throw new WarehouseException(failures.describe(e), e);
    }
  }

  /** Whether the connection is unfit to lend again: a failed write left it in a transaction. */
  boolean broken() {
    return broken;
  }

  /**
   * Runs {@code step}, its error kept on {@code first} rather than thrown in its place; whether it
   * ran.
   */
  private static boolean quietly(SqlWork step, Exception first) {
    try {
      step.run();
      return true;
    } catch (SQLException e) {
      first.addSuppressed(e);
      return false;
    }
  }

  void appendRows(TableDefinition table, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (DuckDBAppender appender =
        connection.createAppender(catalog.datasetName(table.dataset()), table.name())) {
      for (Row row : rows) {
        appender.beginRow();
        for (Column column : table.columns()) {
          Object value = row.has(column.name()) ? row.get(column.name()) : null;
          if (value == null && column.required()) {
            throw new IllegalArgumentException(
                table.name()
                    + "."
                    + column.name()
                    + " is required but the row has no value: "
                    + row);
          }
          appendValue(appender, column, value);
        }
        appender.endRow();
      }
    }
  }

  private static void appendValue(DuckDBAppender appender, Column column, Object value)
      throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    try {
      switch (column.type()) {
        case STRING -> appender.append(value.toString());
        case INT64 -> appender.append(((Number) value).longValue());
        case FLOAT64 -> appender.append(((Number) value).doubleValue());
        case BOOL -> appender.append((boolean) (Boolean) value);
        case DATE -> appender.append((LocalDate) value);
        case TIMESTAMP -> appender.append(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          column.name()
              + " is "
              + column.type()
              + " but the value is a "
              + value.getClass().getSimpleName(),
          e);
    }
  }

  PreparedStatement statement(String text) throws SQLException {
    PreparedStatement statement = prepared.get(text);
    if (statement == null) {
      statement = connection.prepareStatement(text);
      prepared.put(text, statement);
    }
    statement.clearParameters();
    return statement;
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // Closing a statement frees memory only; the connection stays usable.
    }
  }

  PreparedStatement prepare(PositionalSql positional) throws SQLException {
    PreparedStatement statement = statement(positional.text());
    int index = 1;
    for (var parameter : positional.parameters()) {
      Object value = parameter.value();
      if (value == null) {
        statement.setNull(index++, Types.NULL);
      } else if (value instanceof Instant instant) {
        statement.setObject(index++, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else {
        statement.setObject(index++, value);
      }
    }
    return statement;
  }

  void run(String ddl) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    } catch (SQLException e) {
      throw new WarehouseException("DDL failed: " + e.getMessage() + "\n" + ddl, e);
    }
  }

  @Override
  public void close() {
    prepared.values().forEach(DuckDbSession::closeQuietly);
    prepared.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new WarehouseException("cannot close DuckDB: " + e.getMessage(), e);
    }
  }
}

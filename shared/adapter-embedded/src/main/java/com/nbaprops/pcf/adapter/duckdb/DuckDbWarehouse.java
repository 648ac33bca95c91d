package com.nbaprops.pcf.adapter.duckdb;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded warehouse: one DuckDB database (a file, or memory for tests) with a schema per
 * BigQuery dataset. Bulk writes go through DuckDB's Appender inside a transaction, so a per-date
 * replacement is atomic.
 */
public final class DuckDbWarehouse implements Warehouse {
  /**
   * Statements kept prepared: the functions send the same few texts for every date, and DuckDB
   * spends as long planning a small query as running it.
   */
  private static final int PREPARED_STATEMENTS = 64;

  private final DuckDBConnection connection;
  private final Catalog catalog;
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

  private DuckDbWarehouse(DuckDBConnection connection, Catalog catalog) {
    this.connection = connection;
    this.catalog = catalog;
  }

  /** Opens (creating if needed) the database file at {@code file}. */
  public static DuckDbWarehouse open(Path file, Catalog catalog) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new WarehouseException("cannot create the folder of " + file, e);
    }
    return connect("jdbc:duckdb:" + file.toAbsolutePath(), catalog);
  }

  /** A private in-memory database, for tests. */
  public static DuckDbWarehouse inMemory(Catalog catalog) {
    return connect("jdbc:duckdb:", catalog);
  }

  private static DuckDbWarehouse connect(String url, Catalog catalog) {
    try {
      Connection connection = DriverManager.getConnection(url);
      return new DuckDbWarehouse(connection.unwrap(DuckDBConnection.class), catalog);
    } catch (SQLException e) {
      throw new WarehouseException("cannot open DuckDB at " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void createTables(List<TableDefinition> tables) {
    for (TableDefinition table : tables) {
      String schema = catalog.datasetName(table.dataset());
      StringJoiner columns = new StringJoiner(",\n  ", "(\n  ", "\n)");
      for (Column column : table.columns()) {
        columns.add(
            column.name()
                + " "
                + column.type().duckDbType()
                + (column.required() ? " NOT NULL" : ""));
      }
      run("CREATE SCHEMA IF NOT EXISTS " + schema);
      run("CREATE TABLE IF NOT EXISTS " + catalog.qualifiedName(table) + " " + columns);
    }
  }

  @Override
  public synchronized List<Row> query(Sql sql) {
    PositionalSql positional = PositionalSql.from(sql);
    try (ResultSet results = prepare(positional).executeQuery()) {
      ResultSetMetaData meta = results.getMetaData();
      List<Row> rows = new ArrayList<>();
      while (results.next()) {
        Row.Builder row = Row.builder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.set(meta.getColumnLabel(i), normalise(results.getObject(i)));
        }
        rows.add(row.build());
      }
      return rows;
    } catch (SQLException e) {
      throw new WarehouseException("query failed: " + e.getMessage() + "\n" + sql.text(), e);
    }
  }

  @Override
  public synchronized long execute(Sql sql) {
    PositionalSql positional = PositionalSql.from(sql);
    try {
      return prepare(positional).executeLargeUpdate();
    } catch (SQLException e) {
      throw new WarehouseException("statement failed: " + e.getMessage() + "\n" + sql.text(), e);
    }
  }

  @Override
  public synchronized void replacePartition(
      TableDefinition table, LocalDate partition, List<Row> rows) {
    String partitionColumn = table.partition().name();
    for (Row row : rows) {
      if (!partition.equals(row.date(partitionColumn))) {
        throw new IllegalArgumentException(
            table.name()
                + ": a row for "
                + partitionColumn
                + "="
                + row.date(partitionColumn)
                + " cannot replace partition "
                + partition);
      }
    }
    inTransaction(
        () -> {
          PreparedStatement delete =
              statement(
                  "DELETE FROM "
                      + catalog.qualifiedName(table)
                      + " WHERE "
                      + partitionColumn
                      + " = ?");
          delete.setObject(1, partition);
          delete.executeUpdate();
          appendRows(table, rows);
        });
  }

  @Override
  public synchronized void replaceAll(TableDefinition table, List<Row> rows) {
    inTransaction(
        () -> {
          try (Statement delete = connection.createStatement()) {
            delete.execute("DELETE FROM " + catalog.qualifiedName(table));
          }
          appendRows(table, rows);
        });
  }

  @Override
  public synchronized void append(TableDefinition table, List<Row> rows) {
    inTransaction(() -> appendRows(table, rows));
  }

  @Override
  public synchronized void close() {
    prepared.values().forEach(DuckDbWarehouse::closeQuietly);
    prepared.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new WarehouseException("cannot close DuckDB: " + e.getMessage(), e);
    }
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inTransaction(SqlWork work) {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WarehouseException("write failed and was rolled back: " + e.getMessage(), e);
    }
  }

  private void appendRows(TableDefinition table, List<Row> rows) throws SQLException {
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

  private PreparedStatement statement(String text) throws SQLException {
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

  private PreparedStatement prepare(PositionalSql positional) throws SQLException {
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

  private void run(String ddl) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    } catch (SQLException e) {
      throw new WarehouseException("DDL failed: " + e.getMessage() + "\n" + ddl, e);
    }
  }

  /** Engine values to the plain types {@link Row} promises. */
  private static Object normalise(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof LocalDate) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return Objects.toString(value);
  }
}

package com.nbaprops.pcf.adapter.embedded.duckdb;

import com.nbaprops.pcf.port.Partitions;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseBusyException;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * The embedded warehouse: one DuckDB database (a file, or memory for tests) with a schema per
 * BigQuery dataset. Bulk writes go through DuckDB's Appender inside a transaction, so a per-date
 * replacement is atomic.
 */
public final class DuckDbWarehouse implements Warehouse {
  private final DuckDBConnection root;
  private final Catalog catalog;
  private final WriteFailure writeFailures = new WriteFailure();

  /** Each table's partition DELETE, rendered once: every write of a partition sends it. */
  private final Map<TableDefinition, String> deletes = new ConcurrentHashMap<>();

  /** Every connection opened, to close them all. */
  private final List<DuckDbSession> sessions = new CopyOnWriteArrayList<>();

  /**
   * Connections no call is using. A call takes one (or opens one) and gives it back, so there are
   * never more connections than calls ever ran at once, whatever threads come and go.
   */
  private final Deque<DuckDbSession> idle = new ConcurrentLinkedDeque<>();

  /**
   * One write at a time. DuckDB commits optimistically: two transactions that each replace the same
   * empty partition delete nothing, append, and both commit, leaving two copies (a redelivery that
   * overlaps the first delivery, or BUS=local:N). Two MERGEs of the same new key would both insert.
   * Serialising the writes of this process is enough: DuckDB's file lock keeps other processes out.
   * Reads are not held up.
   */
  private final ReentrantLock writes = new ReentrantLock();

  private DuckDbWarehouse(DuckDBConnection root, Catalog catalog) {
    this.root = root;
    this.catalog = catalog;
  }

  /**
   * A connection for one call, idle or new (a duplicate of the first, on the same database); hand
   * it back with {@link #release}.
   */
  private DuckDbSession acquire() {
    DuckDbSession session = idle.pollFirst();
    if (session != null) {
      return session;
    }
    try {
      DuckDbSession created = new DuckDbSession(root.duplicate(), catalog, writeFailures);
      sessions.add(created);
      return created;
    } catch (SQLException e) {
      throw new WarehouseException("cannot open a DuckDB connection: " + e.getMessage(), e);
    }
  }

  private void release(DuckDbSession session) {
    if (!session.broken()) {
      idle.addFirst(session);
      return;
    }
    sessions.remove(session);
    try {
      session.close();
    } catch (WarehouseException e) {
      // Already unusable: the write's own error has been thrown to its caller.
    }
  }

  /**
   * A connection lent for one call, and for a write the process's write turn: closing it gives both
   * back, whatever happened in between.
   */
  private final class Lease implements AutoCloseable {
    final DuckDbSession session = acquire();
    private final boolean writing;

    Lease(boolean writing) {
      this.writing = writing;
      if (writing) {
        writes.lock();
      }
    }

    @Override
    public void close() {
      if (writing) {
        writes.unlock();
      }
      release(session);
    }
  }

  /** How many connections are open: no more than calls ever ran at once. */
  int connections() {
    return sessions.size();
  }

  /** Opens (creating if needed) the database file at {@code file}, to read and write. */
  public static DuckDbWarehouse open(Path file, Catalog catalog) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new WarehouseException("cannot create the folder of " + file, e);
    }
    return connect("jdbc:duckdb:" + file.toAbsolutePath(), new Properties(), catalog);
  }

  /**
   * Opens the database file at {@code file} for reading only: commands that only read need no write
   * access to it, and share it with other readers. A file that does not exist yet reads as an empty
   * warehouse.
   */
  public static DuckDbWarehouse openReadOnly(Path file, Catalog catalog) {
    if (!Files.exists(file)) {
      DuckDbWarehouse empty = inMemory(catalog);
      empty.createTables(Tables.ALL);
      return empty;
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try {
      return connect("jdbc:duckdb:" + file.toAbsolutePath(), readOnly, catalog);
    } catch (WarehouseException e) {
      if (e instanceof WarehouseBusyException
          || !String.valueOf(e.getMessage()).contains("different configuration")) {
        throw e;
      }
      // This process holds the file for writing already: share that.
      return open(file, catalog);
    }
  }

  /** A private in-memory database, for tests. */
  public static DuckDbWarehouse inMemory(Catalog catalog) {
    return connect("jdbc:duckdb:", new Properties(), catalog);
  }

  private static DuckDbWarehouse connect(String url, Properties properties, Catalog catalog) {
    try {
      Connection connection = DriverManager.getConnection(url, properties);
      return new DuckDbWarehouse(connection.unwrap(DuckDBConnection.class), catalog);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("Could not set lock on file")) {
        throw new WarehouseBusyException(
            "the warehouse "
                + url.substring("jdbc:duckdb:".length())
                + " is in use by another process (a backfill, serve or demo still running?): wait"
                + " for it to finish, or stop it, then run this again ("
                + firstLine(e.getMessage())
                + ")",
            e);
      }
      throw new WarehouseException("cannot open DuckDB at " + url + ": " + e.getMessage(), e);
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  @Override
  public void createTables(List<TableDefinition> tables) {
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
      try (Lease lease = new Lease(false)) {
        lease.session.run("CREATE SCHEMA IF NOT EXISTS " + schema);
        lease.session.run(
            "CREATE TABLE IF NOT EXISTS " + catalog.qualifiedName(table) + " " + columns);
      }
    }
  }

  @Override
  public List<Row> query(Sql sql) {
    PositionalSql positional = PositionalSql.from(sql);
    try (Lease lease = new Lease(false);
        ResultSet results = lease.session.prepare(positional).executeQuery()) {
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
      throw new WarehouseException(QueryFailure.describe("query", e, sql, catalog), sql.text(), e);
    }
  }

  @Override
  public long execute(Sql sql) {
    PositionalSql positional = PositionalSql.from(sql);
    try (Lease lease = new Lease(true)) {
      return lease.session.prepare(positional).executeLargeUpdate();
    } catch (SQLException e) {
      throw new WarehouseException(
          QueryFailure.describe("statement", e, sql, catalog), sql.text(), e);
    }
  }

  @Override
  public void replacePartition(TableDefinition table, LocalDate partition, List<Row> rows) {
    Partitions.check(table, partition, rows);
    replace(table, List.of(partition), rows);
  }

  @Override
  public void replacePartitions(TableDefinition table, List<Row> rows) {
    replace(table, Partitions.of(table, rows), rows);
  }

  /** Empties {@code partitions} and appends {@code rows}, in one transaction. */
  private void replace(TableDefinition table, List<LocalDate> partitions, List<Row> rows) {
    try (Lease lease = new Lease(true)) {
      DuckDbSession session = lease.session;
      session.inTransaction(
          () -> {
            PreparedStatement delete =
                session.statement(
                    deletes.computeIfAbsent(
                        table,
                        t ->
                            catalog
                                .template("DELETE FROM {table} WHERE {partition} = ?", t)
                                .render()));
            for (LocalDate partition : partitions) {
              delete.setObject(1, partition);
              delete.executeUpdate();
            }
            session.appendRows(table, rows);
          });
    }
  }

  @Override
  public void replaceAll(TableDefinition table, List<Row> rows) {
    try (Lease lease = new Lease(true)) {
      DuckDbSession session = lease.session;
      session.inTransaction(
          () -> {
            try (Statement delete = session.connection().createStatement()) {
              delete.execute(catalog.template("DELETE FROM {table}", table).render());
            }
            session.appendRows(table, rows);
          });
    }
  }

  @Override
  public void append(TableDefinition table, List<Row> rows) {
    try (Lease lease = new Lease(true)) {
      lease.session.inTransaction(() -> lease.session.appendRows(table, rows));
    }
  }

  @Override
  public void close() {
    sessions.forEach(DuckDbSession::close);
    sessions.clear();
    idle.clear();
    try {
      root.close();
    } catch (SQLException e) {
      throw new WarehouseException("cannot close DuckDB: " + e.getMessage(), e);
    }
  }

  /** Whole numbers as INT64 (long), the others as FLOAT64 (double). */
  private static Object normaliseNumber(Number number) {
    if (number instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (number instanceof BigDecimal || number instanceof Float) {
      return number.doubleValue();
    }
    return number.longValue();
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
    if (value instanceof Number number) {
      return normaliseNumber(number);
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

package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Partitions;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warehouse as the functions see it during a rehearsal: the real one, but unreachable during an
 * outage, and a write that breaks half-way once when a crash is armed. The upstream and the
 * rehearsal's own checks use the real one.
 */
final class FaultyWarehouse implements Warehouse {
  private record Outage(Instant from, Instant to) {}

  private record Crash(TableDefinition table, LocalDate partition) {}

  private final Warehouse warehouse;
  private final Clock clock;
  private final List<Outage> outages = new ArrayList<>();
  private final List<Crash> crashes = new ArrayList<>();

  FaultyWarehouse(Warehouse warehouse, Clock clock) {
    this.warehouse = warehouse;
    this.clock = clock;
  }

  /** Every call from {@code from} (inclusive) to {@code to} (exclusive) fails, as in an outage. */
  synchronized void outage(Instant from, Instant to) {
    outages.add(new Outage(from, to));
  }

  /**
   * The next replacement of {@code partition} in {@code table} fails after writing half of its
   * rows, as a process killed in the middle of its write would.
   */
  synchronized void crashNextWrite(TableDefinition table, LocalDate partition) {
    crashes.add(new Crash(table, partition));
  }

  private void reachable() {
    Instant now = clock.instant();
    synchronized (this) {
      for (Outage outage : outages) {
        if (!now.isBefore(outage.from()) && now.isBefore(outage.to())) {
          throw new WarehouseException(
              "the warehouse is unavailable (rehearsed outage until " + outage.to() + ")");
        }
      }
    }
  }

  private synchronized boolean crashes(TableDefinition table, LocalDate partition) {
    return crashes.remove(new Crash(table, partition));
  }

  @Override
  public void createTables(List<TableDefinition> tables) {
    reachable();
    warehouse.createTables(tables);
  }

  @Override
  public List<Row> query(Sql sql) {
    reachable();
    return warehouse.query(sql);
  }

  @Override
  public long execute(Sql sql) {
    reachable();
    return warehouse.execute(sql);
  }

  @Override
  public void replacePartition(TableDefinition table, LocalDate partition, List<Row> rows) {
    reachable();
    warehouse.replacePartition(
        table, partition, crashes(table, partition) ? breaksHalfWay(rows) : rows);
  }

  @Override
  public void replacePartitions(TableDefinition table, List<Row> rows) {
    reachable();
    boolean crash = false;
    for (LocalDate partition : Partitions.of(table, rows)) {
      crash |= crashes(table, partition);
    }
    warehouse.replacePartitions(table, crash ? breaksHalfWay(rows) : rows);
  }

  @Override
  public void replaceAll(TableDefinition table, List<Row> rows) {
    reachable();
    warehouse.replaceAll(table, rows);
  }

  @Override
  public void append(TableDefinition table, List<Row> rows) {
    reachable();
    warehouse.append(table, rows);
  }

  /**
   * The rows, but the write dies half-way: the adapter reads them once to check their partition,
   * then again to write them, and the second reading stops at half, inside its transaction.
   */
  private static List<Row> breaksHalfWay(List<Row> rows) {
    int half = rows.size() / 2;
    AtomicInteger reads = new AtomicInteger();
    return new AbstractList<>() {
      @Override
      public Row get(int index) {
        if (reads.incrementAndGet() > rows.size() + half) {
          throw new WarehouseException(
              "the writer died after " + half + " of " + rows.size() + " rows (rehearsed crash)");
        }
        return rows.get(index);
      }

      @Override
      public int size() {
        return rows.size();
      }
    };
  }

  @Override
  public void close() {
    warehouse.close();
  }
}

package com.nbaprops.pcf.loopback;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What BigQuery documents about writes that meet on one table, applied to the jobs the loopback
 * runs. Each job takes a modelled time ({@link JobTimes}); jobs of concurrent clients overlap as
 * they would in the cloud. Every rule cites the page that states it:
 *
 * <ol>
 *   <li><b>Transactions</b> (https://cloud.google.com/bigquery/docs/transactions, "Transaction
 *       concurrency"): while a transaction or DML statement mutates a table, a transaction that
 *       mutates the same table cannot run: it is cancelled ("Transaction is aborted due to
 *       concurrent update against table ..."); a mutating DML statement outside a transaction waits
 *       in the queue instead.
 *   <li><b>Mutating DML</b> ({@code UPDATE}, {@code DELETE}, a {@code MERGE} that can delete or
 *       update; https://cloud.google.com/bigquery/docs/data-manipulation-language, "UPDATE, DELETE,
 *       MERGE DML concurrency"): up to 2 run at once on a table, up to 20 more wait as PENDING; one
 *       more fails with "Too many DML statements outstanding against table ..., limit is 20".
 *   <li><b>Conflicts</b> (same page, "DML statement conflicts"): a mutating statement whose
 *       partitions another write changed after it started (snapshot isolation) is run again by
 *       BigQuery up to three times, then fails with "Could not serialize access to table ... due to
 *       concurrent update". An {@code INSERT}, or a {@code MERGE} that only inserts, never
 *       conflicts.
 *   <li><b>INSERT DML</b> (same page, "INSERT DML concurrency"): the first 1,500 of a day run at
 *       once; after that 10 at a time, 100 waiting.
 *   <li><b>Table update rate</b> (https://cloud.google.com/bigquery/quotas, "Maximum rate of table
 *       metadata update operations per table"): 5 per 10 seconds; loads, and jobs writing a
 *       destination, fail beyond it with {@code rateLimitExceeded}; DML statements count toward it
 *       but are not refused by it.
 *   <li><b>Daily table operations</b> (same page, "Table operations per day" and "Partition
 *       modifications per column-partitioned table per day"): a load counts one operation on a
 *       table without partitions (1,500 a day) or one per partition it writes on a partitioned
 *       table (30,000 a day); beyond, {@code quotaExceeded}. DML statements do not count.
 * </ol>
 *
 * <p>A load that replaces a partition changes it like a DML statement, so a mutating statement
 * running over it sees the conflict of rule 3.
 */
public final class BigQueryRules {
  /** How long each kind of job runs: the loopback holds a job this long before answering it. */
  public record JobTimes(Duration dml, Duration transaction, Duration load) {
    /** No modelled time: each job is answered at once (rules still apply to real overlaps). */
    public static final JobTimes NONE = new JobTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** What a write job is, for the rules. */
  public enum Kind {
    /** A multi-statement script with {@code BEGIN TRANSACTION}. */
    TRANSACTION,
    /** UPDATE, DELETE, TRUNCATE, or a MERGE that may delete or update. */
    MUTATING_DML,
    /** INSERT, or a MERGE that only inserts. */
    INSERT_DML,
    /** A load job into the table (a partition of it with a decorator). */
    LOAD
  }

  /** One write job on one table: its kind and the partitions it changes. */
  public record Write(String table, Kind kind, Footprint footprint) {}

  /** Why a job failed: BigQuery's error reason and message. */
  public record Refusal(String reason, String message) {}

  /** What the rules did over the loopback's life. */
  public record Counts(
      long writeJobs,
      long transactionsCommitted,
      long transactionsCancelled,
      long dmlQueued,
      long dmlQueueFull,
      long conflictsRetriedByBigQuery,
      long conflictsFailed,
      long rateLimited,
      long quotaExceeded) {
    public String describe() {
      return String.format(
          "%d write jobs; transactions: %d committed, %d cancelled; mutating DML: %d queued,"
              + " %d refused (queue full), %d conflicts retried by BigQuery, %d failed; table update"
              + " rate: %d refused; daily quotas: %d refused",
          writeJobs,
          transactionsCommitted,
          transactionsCancelled,
          dmlQueued,
          dmlQueueFull,
          conflictsRetriedByBigQuery,
          conflictsFailed,
          rateLimited,
          quotaExceeded);
    }
  }

  static final int MUTATING_RUNNING = 2;
  static final int MUTATING_QUEUE = 20;
  static final int INSERTS_AT_ONCE_PER_DAY = 1_500;
  static final int INSERT_RUNNING = 10;
  static final int INSERT_QUEUE = 100;
  static final int CONFLICT_RETRIES = 3;
  static final int UPDATES_PER_WINDOW = 5;
  static final Duration UPDATE_WINDOW = Duration.ofSeconds(10);
  static final int TABLE_OPERATIONS_PER_DAY = 1_500;
  static final int PARTITION_MODIFICATIONS_PER_DAY = 30_000;

  /** One table's writers, queue and history. Guarded by the rules' monitor. */
  private static final class TableState {
    final List<Running> running = new ArrayList<>();
    final Deque<Object> mutatingQueue = new ArrayDeque<>();
    final Deque<Object> insertQueue = new ArrayDeque<>();
    final List<Commit> commits = new ArrayList<>();
    final Deque<Long> updates = new ArrayDeque<>();
    long inserts;
    long operations;
  }

  private record Running(Kind kind, Footprint footprint) {}

  private record Commit(long sequence, Footprint footprint) {}

  private final JobTimes times;
  private final Map<String, TableState> tables = new HashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private long writeJobs;
  private long transactionsCommitted;
  private long transactionsCancelled;
  private long dmlQueued;
  private long dmlQueueFull;
  private long conflictsRetried;
  private long conflictsFailed;
  private long rateLimited;
  private long quotaExceeded;

  public BigQueryRules(JobTimes times) {
    this.times = times;
  }

  public synchronized Counts counts() {
    return new Counts(
        writeJobs,
        transactionsCommitted,
        transactionsCancelled,
        dmlQueued,
        dmlQueueFull,
        conflictsRetried,
        conflictsFailed,
        rateLimited,
        quotaExceeded);
  }

  /**
   * Runs {@code apply} as the job {@code write} under the rules: now, after a wait in the table's
   * queue, or not at all. Returns null when it ran, else why BigQuery refused it. {@code apply}
   * says whether it changed the table: a statement the engine refused changed nothing, so it
   * conflicts with no later writer.
   */
  public Refusal run(Write write, boolean partitioned, BooleanSupplier apply)
      throws InterruptedException {
    synchronized (this) {
      writeJobs++;
    }
    return switch (write.kind()) {
      case TRANSACTION -> transaction(write, apply);
      case MUTATING_DML -> mutating(write, apply);
      case INSERT_DML -> insert(write, apply);
      case LOAD -> load(write, partitioned, apply);
    };
  }

  private Refusal transaction(Write write, BooleanSupplier apply) throws InterruptedException {
    TableState table;
    Running self = new Running(Kind.TRANSACTION, write.footprint());
    synchronized (this) {
      table = table(write.table());
      if (mutatorsOn(table) > 0 || !table.mutatingQueue.isEmpty()) {
        transactionsCancelled++;
        return concurrentUpdate(write);
      }
      table.running.add(self);
    }
    try {
      pause(times.transaction());
      synchronized (this) {
        if (apply.getAsBoolean()) {
          commit(table, write.footprint());
          transactionsCommitted++;
        }
      }
      return null;
    } finally {
      synchronized (this) {
        table.running.remove(self);
        notifyAll();
      }
    }
  }

  private Refusal mutating(Write write, BooleanSupplier apply) throws InterruptedException {
    Running self = new Running(Kind.MUTATING_DML, write.footprint());
    TableState table;
    long snapshot;
    synchronized (this) {
      table = table(write.table());
      TableState state = table;
      Refusal full =
          queue(
              state.mutatingQueue,
              MUTATING_QUEUE,
              ticket -> admitMutating(state, ticket),
              write.table());
      if (full != null) {
        return full;
      }
      table.running.add(self);
      snapshot = sequence.get();
    }
    try {
      for (int attempt = 0; ; attempt++) {
        pause(times.dml());
        synchronized (this) {
          if (!changedSince(table, snapshot, write.footprint())) {
            if (apply.getAsBoolean()) {
              commit(table, write.footprint());
              countUpdate(table);
            }
            return null;
          }
          if (attempt == CONFLICT_RETRIES) {
            conflictsFailed++;
            return new Refusal(
                "invalidQuery",
                "Could not serialize access to table "
                    + colonName(write.table())
                    + " due to concurrent update");
          }
          conflictsRetried++;
          snapshot = sequence.get();
        }
      }
    } finally {
      synchronized (this) {
        table.running.remove(self);
        notifyAll();
      }
    }
  }

  /**
   * Waits in {@code queue} until {@code admitted}: at once when it already is, else in turn; the
   * refusal when {@code limit} statements wait already. Called holding this monitor.
   */
  private Refusal queue(Deque<Object> queue, int limit, Predicate<Object> admitted, String table)
      throws InterruptedException {
    Object ticket = new Object();
    if (admitted.test(ticket)) {
      return null;
    }
    if (queue.size() >= limit) {
      dmlQueueFull++;
      return new Refusal(
          "resourcesExceeded",
          "Resources exceeded during query execution: Too many DML statements outstanding"
              + " against table "
              + colonName(table)
              + ", limit is "
              + limit
              + ".");
    }
    dmlQueued++;
    queue.addLast(ticket);
    while (!admitted.test(ticket)) {
      wait();
    }
    queue.remove(ticket);
    return null;
  }

  /** A mutating statement may start: its turn in the queue, a free slot, no transaction. */
  private static boolean admitMutating(TableState table, Object ticket) {
    boolean turn = table.mutatingQueue.isEmpty() || table.mutatingQueue.peekFirst() == ticket;
    long running = table.running.stream().filter(r -> r.kind() == Kind.MUTATING_DML).count();
    boolean transaction = table.running.stream().anyMatch(r -> r.kind() == Kind.TRANSACTION);
    return turn && running < MUTATING_RUNNING && !transaction;
  }

  private Refusal insert(Write write, BooleanSupplier apply) throws InterruptedException {
    TableState table;
    Running self = new Running(Kind.INSERT_DML, Footprint.NONE);
    synchronized (this) {
      table = table(write.table());
      table.inserts++;
      if (table.inserts > INSERTS_AT_ONCE_PER_DAY) {
        TableState state = table;
        Refusal full =
            queue(
                state.insertQueue,
                INSERT_QUEUE,
                ticket -> admitInsert(state, ticket),
                write.table());
        if (full != null) {
          return full;
        }
      }
      table.running.add(self);
    }
    try {
      pause(times.dml());
      synchronized (this) {
        if (apply.getAsBoolean()) {
          countUpdate(table);
        }
      }
      return null;
    } finally {
      synchronized (this) {
        table.running.remove(self);
        notifyAll();
      }
    }
  }

  private static boolean admitInsert(TableState table, Object ticket) {
    boolean turn = table.insertQueue.isEmpty() || table.insertQueue.peekFirst() == ticket;
    long running = table.running.stream().filter(r -> r.kind() == Kind.INSERT_DML).count();
    return turn && running < INSERT_RUNNING;
  }

  private Refusal load(Write write, boolean partitioned, BooleanSupplier apply)
      throws InterruptedException {
    TableState table;
    synchronized (this) {
      table = table(write.table());
      long now = System.nanoTime();
      while (!table.updates.isEmpty()
          && now - table.updates.peekFirst() > UPDATE_WINDOW.toNanos()) {
        table.updates.removeFirst();
      }
      if (table.updates.size() >= UPDATES_PER_WINDOW) {
        rateLimited++;
        return new Refusal(
            "rateLimitExceeded",
            "Exceeded rate limits: too many table update operations for this table. For more"
                + " information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas");
      }
      long limit = partitioned ? PARTITION_MODIFICATIONS_PER_DAY : TABLE_OPERATIONS_PER_DAY;
      long operations = partitioned ? write.footprint().partitionCount() : 1;
      if (table.operations + operations > limit) {
        quotaExceeded++;
        return new Refusal(
            "quotaExceeded",
            partitioned
                ? "Quota exceeded: Your table exceeded quota for Number of partition modifications"
                    + " to a column partitioned table."
                : "Quota exceeded: Your table exceeded quota for imports or query appends per"
                    + " table.");
      }
      table.operations += operations;
      table.updates.addLast(now);
    }
    pause(times.load());
    synchronized (this) {
      if (apply.getAsBoolean()) {
        commit(table, write.footprint());
      }
      notifyAll();
    }
    return null;
  }

  private TableState table(String name) {
    return tables.computeIfAbsent(name, n -> new TableState());
  }

  private static long mutatorsOn(TableState table) {
    return table.running.stream()
        .filter(r -> r.kind() == Kind.TRANSACTION || r.kind() == Kind.MUTATING_DML)
        .count();
  }

  private void commit(TableState table, Footprint footprint) {
    if (!footprint.isEmpty()) {
      table.commits.add(new Commit(sequence.incrementAndGet(), footprint));
    }
  }

  /** DML counts toward the table update rate, though the rate never refuses it. */
  private static void countUpdate(TableState table) {
    table.updates.addLast(System.nanoTime());
  }

  private static boolean changedSince(TableState table, long snapshot, Footprint footprint) {
    return table.commits.stream()
        .anyMatch(c -> c.sequence() > snapshot && c.footprint().overlaps(footprint));
  }

  private static Refusal concurrentUpdate(Write write) {
    return new Refusal(
        "invalidQuery",
        "Transaction is aborted due to concurrent update against table " + write.table() + ".");
  }

  /** {@code project:dataset.table}, as BigQuery names a table in these messages. */
  private static String colonName(String table) {
    int dot = table.indexOf('.');
    int second = table.indexOf('.', dot + 1);
    return second < 0 ? table : table.substring(0, dot) + ":" + table.substring(dot + 1);
  }

  private static void pause(Duration duration) throws InterruptedException {
    if (!duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  }
}

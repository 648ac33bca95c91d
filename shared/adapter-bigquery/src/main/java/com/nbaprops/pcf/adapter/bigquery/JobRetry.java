package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.WarehouseException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a job again when BigQuery failed it for a reason its documentation says to retry, after a
 * wait with exponential backoff and full jitter, a bounded number of times. A job that ended in an
 * error changed nothing (each job is atomic), so running the same write again is safe.
 *
 * <p>What is retried, and why:
 *
 * <ul>
 *   <li>{@code rateLimitExceeded}, such as "too many table update operations for this table" (5 per
 *       10 seconds per table): a short-term limit; "retry the operation after a few seconds, use
 *       exponential backoff" (https://cloud.google.com/bigquery/docs/troubleshoot-quotas).
 *   <li>A conflict with a concurrent write: "Could not serialize access to table ... due to
 *       concurrent update" (a mutating DML statement whose partitions another one changed, after
 *       BigQuery's own three retries) and "Transaction is aborted due to concurrent update against
 *       table" (a transaction that mutated a table another writer mutated)
 *       (https://cloud.google.com/bigquery/docs/data-manipulation-language#dml_statement_conflicts,
 *       https://cloud.google.com/bigquery/docs/transactions#transaction_concurrency).
 *   <li>"Too many DML statements outstanding against table": the table's queue of 20 mutating
 *       statements is full; it drains as they finish.
 *   <li>{@code backendError} and {@code internalError}: BigQuery's own transient failures
 *       (https://cloud.google.com/bigquery/docs/error-messages).
 * </ul>
 *
 * Everything else (a bad statement, a missing table, {@code quotaExceeded} of a daily quota) fails
 * at once: waiting seconds would not change the answer.
 */
final class JobRetry {
  /** A job that failed; its error, and a description for the log. */
  static final class JobFailed extends WarehouseException {
    private final transient BigQueryError error;

    JobFailed(BigQueryError error, String message, String statement) {
      super(message, statement, null);
      this.error = error;
    }

    BigQueryError error() {
      return error;
    }
  }

  /** How long to wait before a retry: sleeps, in tests records. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final int DEFAULT_ATTEMPTS = 6;
  static final Duration DEFAULT_FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration DEFAULT_LONGEST_WAIT = Duration.ofSeconds(32);

  private final int attempts;
  private final Duration firstWait;
  private final Duration longestWait;
  private final Sleeper sleeper;
  private final LongSupplier random;
  private final StructuredLog log;

  /**
   * @param random a source of non-negative longs, for the jitter
   */
  JobRetry(
      int attempts,
      Duration firstWait,
      Duration longestWait,
      Sleeper sleeper,
      LongSupplier random,
      StructuredLog log) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
    }
    this.attempts = attempts;
    this.firstWait = firstWait;
    this.longestWait = longestWait;
    this.sleeper = sleeper;
    this.random = random;
    this.log = log;
  }

  /**
   * With the defaults: 6 attempts, waits of up to 1, 2, 4, 8 and 16 s (at most 31 s in all, well
   * inside the functions' timeouts).
   */
  static JobRetry standard(StructuredLog log) {
    return new JobRetry(
        DEFAULT_ATTEMPTS,
        DEFAULT_FIRST_WAIT,
        DEFAULT_LONGEST_WAIT,
        duration -> Thread.sleep(duration.toMillis()),
        () -> java.util.concurrent.ThreadLocalRandom.current().nextLong(Long.MAX_VALUE),
        log);
  }

  /** Whether BigQuery's documentation says to run a job that failed with {@code error} again. */
  static boolean retryable(BigQueryError error) {
    if (error == null) {
      return false;
    }
    String reason = error.getReason() == null ? "" : error.getReason();
    String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
    return reason.equals("rateLimitExceeded")
        || reason.equals("backendError")
        || reason.equals("internalError")
        || message.contains("due to concurrent update")
        || message.contains("too many dml statements outstanding");
  }

  /** Runs {@code job} until it succeeds, fails for good, or the attempts are spent. */
  <T> T run(String description, Supplier<T> job) {
    for (int attempt = 1; ; attempt++) {
      try {
        return job.get();
      } catch (JobFailed failed) {
        if (attempt >= attempts || !retryable(failed.error())) {
          throw failed;
        }
        Duration wait = waitBefore(attempt);
        log.with("bigquery_retry", failed.error().getReason())
            .log(
                Severity.WARNING,
                String.format(
                    "%s: %s; attempt %d of %d in %.1f s",
                    description,
                    failed.error().getMessage(),
                    attempt + 1,
                    attempts,
                    wait.toMillis() / 1000.0));
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failed;
        }
      }
    }
  }

  /** Full jitter: uniform from zero to the exponential bound of this attempt. */
  Duration waitBefore(int attempt) {
    long bound =
        Math.min(longestWait.toMillis(), firstWait.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(random.getAsLong() % (bound + 1));
  }
}

package com.nbaprops.pcf.adapter.bigquery;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.bigquery.BigQueryError;
import com.nbaprops.pcf.logging.StructuredLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobRetryTest {
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();

  private JobRetry retry(long random) {
    return new JobRetry(
        4,
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        waits::add,
        () -> random,
        StructuredLog.to((severity, message, labels) -> logged.add(message)));
  }

  private static JobRetry.JobFailed failed(String reason, String message) {
    return new JobRetry.JobFailed(new BigQueryError(reason, "query", message), message, null);
  }

  @Test
  void aRateLimitedJobIsRunAgainUntilItPasses() {
    AtomicInteger calls = new AtomicInteger();

    String result =
        retry(0)
            .run(
                "load",
                () -> {
                  if (calls.incrementAndGet() < 3) {
                    throw failed("rateLimitExceeded", "too many table update operations");
                  }
                  return "done";
                });

    assertThat(result).isEqualTo("done");
    assertThat(calls.get()).isEqualTo(3);
    assertThat(waits).hasSize(2);
    assertThat(logged.get(0)).contains("attempt 2 of 4");
  }

  @Test
  void aFaultOfTheStatementFailsAtOnce() {
    AtomicInteger calls = new AtomicInteger();

    assertThrows(
        JobRetry.JobFailed.class,
        () ->
            retry(0)
                .run(
                    "query",
                    () -> {
                      calls.incrementAndGet();
                      throw failed("invalidQuery", "Unrecognized name: gmae_date");
                    }));

    assertThat(calls.get()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aConflictThatOutlastsTheAttemptsFailsWithItsMessage() {
    JobRetry.JobFailed thrown =
        assertThrows(
            JobRetry.JobFailed.class,
            () ->
                retry(0)
                    .run(
                        "merge",
                        () -> {
                          throw failed(
                              "invalidQuery",
                              "Could not serialize access to table p:d.t due to concurrent update");
                        }));

    assertThat(thrown).hasMessageThat().contains("due to concurrent update");
    assertThat(waits).hasSize(3);
  }

  @Test
  void waitsAreJitteredUnderAnExponentialBoundCappedAtTheLongest() {
    JobRetry retry = retry(Long.MAX_VALUE - 1);

    assertThat(retry.waitBefore(1)).isAtMost(Duration.ofSeconds(1));
    assertThat(retry.waitBefore(2)).isAtMost(Duration.ofSeconds(2));
    assertThat(retry.waitBefore(5)).isAtMost(Duration.ofSeconds(3));
    assertThat(retry(0).waitBefore(5)).isEqualTo(Duration.ZERO);
  }

  @Test
  void onlyTheDocumentedTransientFailuresAreRetryable() {
    assertThat(JobRetry.retryable(new BigQueryError("backendError", "", "try again"))).isTrue();
    assertThat(
            JobRetry.retryable(
                new BigQueryError(
                    "invalidQuery",
                    "",
                    "Transaction is aborted due to concurrent update against table p.d.t")))
        .isTrue();
    assertThat(
            JobRetry.retryable(
                new BigQueryError("quotaExceeded", "", "Quota exceeded: partition modifications")))
        .isFalse();
    assertThat(JobRetry.retryable(null)).isFalse();
  }
}

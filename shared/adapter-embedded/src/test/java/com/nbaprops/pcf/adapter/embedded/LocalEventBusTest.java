package com.nbaprops.pcf.adapter.embedded;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.transport.PubSubEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalEventBusTest {
  private static final StructuredLog QUIET = StructuredLog.to((s, m, l) -> {});

  @Test
  void twoBusesNeverHandOutTheSameMessageId() {
    LocalEventBus first = new LocalEventBus("p", 3, Clock.systemUTC(), QUIET);
    LocalEventBus second = new LocalEventBus("p", 3, Clock.systemUTC(), QUIET);

    String a = first.publish("t", "{}", Map.of());
    String b = second.publish("t", "{}", Map.of());

    assertThat(a).isNotEqualTo(b);
    assertThat(a).matches("[0-9]+");
    assertThat(first.publish("t", "{}", Map.of())).isNotEqualTo(a);
  }

  /** One delivery at a time, or four at once: the same at-least-once contract. */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void aFailingFunctionGetsTheMessageAgainThenItIsDeadLettered(int workers) {
    LocalEventBus bus =
        workers == 1
            ? new LocalEventBus("p", 3, Clock.systemUTC(), QUIET)
            : LocalEventBus.pooled("p", 3, Clock.systemUTC(), QUIET, workers);
    AtomicInteger attempts = new AtomicInteger();
    bus.subscribe(
        "t",
        "always-fails",
        event -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("warehouse unavailable");
        });

    bus.publish("t", "{}", Map.of());

    assertThat(attempts.get()).isEqualTo(3);
    assertThat(bus.deadLetters()).hasSize(1);
    assertThat(bus.deadLetters().get(0).lastError()).contains("warehouse unavailable");
  }

  @Test
  void aFunctionThatRecoversIsNotDeadLettered() {
    LocalEventBus bus = new LocalEventBus("p", 3, Clock.systemUTC(), QUIET);
    AtomicInteger attempts = new AtomicInteger();
    bus.subscribe(
        "t",
        "fails-once",
        event -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("transient");
          }
        });

    bus.publish("t", "{}", Map.of());

    assertThat(attempts.get()).isEqualTo(2);
    assertThat(bus.deadLetters()).isEmpty();
  }

  /**
   * A function that publishes from another thread while its own delivery is running (an HTTP-hosted
   * function does) must not wait on the bus: the asynchronous bus delivers without holding it.
   */
  @Test
  void anAsynchronousBusLetsADeliveredFunctionPublishFromAnotherThread() throws Exception {
    LocalEventBus bus = LocalEventBus.asynchronous("p", 3, Clock.systemUTC(), QUIET);
    ExecutorService server = Executors.newSingleThreadExecutor();
    List<String> seen = new CopyOnWriteArrayList<>();
    bus.subscribe(
        "first",
        "relay",
        event -> {
          Future<?> request = server.submit(() -> bus.publish("second", "{\"n\":2}", Map.of()));
          request.get(5, java.util.concurrent.TimeUnit.SECONDS);
        });
    bus.subscribe("second", "sink", event -> seen.add(PubSubEnvelope.decode(event).data()));

    bus.publish("first", "{\"n\":1}", Map.of());

    assertThat(bus.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(seen).containsExactly("{\"n\":2}");
    server.shutdown();
    bus.close();
  }

  /**
   * A fan-out whose children each wait for the other: only a bus that runs them at once gets
   * through, and the first publish returns after both.
   */
  @Test
  void aPooledBusRunsDeliveriesAtOnceAndReturnsWhenAllAreDone() {
    LocalEventBus bus = LocalEventBus.pooled("p", 3, Clock.systemUTC(), QUIET, 2);
    CountDownLatch bothRunning = new CountDownLatch(2);
    List<String> done = new CopyOnWriteArrayList<>();
    bus.subscribe(
        "range",
        "fan-out",
        event -> {
          bus.publish("date", "{}", Map.of("n", "1"));
          bus.publish("date", "{}", Map.of("n", "2"));
        });
    bus.subscribe(
        "date",
        "per-date",
        event -> {
          bothRunning.countDown();
          if (!bothRunning.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ran alone");
          }
          done.add(event.getId());
        });

    bus.publish("range", "{}", Map.of());

    assertThat(done).hasSize(2);
    assertThat(bus.deadLetters()).isEmpty();
  }

  @Test
  void aPooledBusRunsNoMoreThanItsWorkersAtOnce() {
    LocalEventBus bus = LocalEventBus.pooled("p", 3, Clock.systemUTC(), QUIET, 2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    bus.subscribe(
        "range",
        "fan-out",
        event -> {
          for (int i = 0; i < 8; i++) {
            bus.publish("date", "{}", Map.of());
          }
        });
    bus.subscribe(
        "date",
        "per-date",
        event -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          Thread.sleep(20);
          running.decrementAndGet();
        });

    bus.publish("range", "{}", Map.of());

    assertThat(bus.published("date")).hasSize(8);
    assertThat(most.get()).isEqualTo(2);
    assertThat(running.get()).isEqualTo(0);
  }

  /** A function that waits for another's delivery must not hold the bus while it waits. */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void aRunningFunctionHoldsNoLockOtherPublishersWaitFor(int workers) throws Exception {
    LocalEventBus bus =
        workers == 1
            ? new LocalEventBus("p", 1, Clock.systemUTC(), QUIET)
            : LocalEventBus.pooled("p", 1, Clock.systemUTC(), QUIET, workers);
    CountDownLatch slowRunning = new CountDownLatch(1);
    CountDownLatch fastDelivered = new CountDownLatch(1);
    bus.subscribe(
        "slow",
        "waits",
        event -> {
          slowRunning.countDown();
          if (!fastDelivered.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other publish never got through");
          }
        });
    bus.subscribe("fast", "counts-down", event -> fastDelivered.countDown());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<String> slow = other.submit(() -> bus.publish("slow", "{}", Map.of()));
      assertThat(slowRunning.await(10, TimeUnit.SECONDS)).isTrue();

      bus.publish("fast", "{}", Map.of());

      assertThat(fastDelivered.await(10, TimeUnit.SECONDS)).isTrue();
      slow.get(10, TimeUnit.SECONDS);
      assertThat(bus.deadLetters()).isEmpty();
    } finally {
      other.shutdownNow();
      bus.close();
    }
  }

  /**
   * A delivery that fails for good is logged as the invoker logs what a function throws: an ERROR
   * entry with the stack trace in Error Reporting's form.
   */
  @Test
  void aDeadLetterIsAnErrorEntryWithTheStackTraceInJson() {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    LocalEventBus bus =
        new LocalEventBus(
            "p",
            2,
            Clock.systemUTC(),
            StructuredLog.to(
                StructuredLog.jsonLines(new PrintStream(json, true, StandardCharsets.UTF_8))));
    bus.subscribe(
        "t",
        "sink",
        event -> {
          throw new IllegalStateException("the warehouse is unreachable");
        });

    bus.publish("t", "{}", Map.of());

    JsonObject entry =
        json.toString(StandardCharsets.UTF_8)
            .lines()
            .map(line -> JsonParser.parseString(line).getAsJsonObject())
            .filter(e -> e.get("message").getAsString().contains("dead-lettered"))
            .findFirst()
            .orElseThrow();
    assertThat(entry.get("severity").getAsString()).isEqualTo("ERROR");
    assertThat(entry.get("@type").getAsString()).endsWith("ReportedErrorEvent");
    assertThat(entry.get("stack_trace").getAsString())
        .contains("IllegalStateException: the warehouse is unreachable");
  }
}

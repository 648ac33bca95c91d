package com.nbaprops.pcf.adapter.local;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.PubSubEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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

  @Test
  void aFailingFunctionGetsTheMessageAgainThenItIsDeadLettered() {
    LocalEventBus bus = new LocalEventBus("p", 3, Clock.systemUTC(), QUIET);
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
}

package com.nbaprops.pcf.local.cloud;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nbaprops.pcf.adapter.embedded.PubSubCloudEvents;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.local.serve.HttpPush;
import com.nbaprops.pcf.loopback.PubSubEmulator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Eventarc does between a Pub/Sub push subscription and a function: takes the push, turns it
 * into the CloudEvent {@code google.cloud.pubsub.topic.v1.messagePublished} in binary mode, and
 * sends it to an instance of the function. As on Cloud Run with one request per instance, a push
 * that finds every instance busy and the maximum reached waits, then is refused with 429, which
 * Pub/Sub counts as a failed delivery and retries with backoff.
 */
final class EventarcPush implements AutoCloseable {
  /** How long a request waits for a free instance before Cloud Run refuses it (modelled). */
  static final Duration PENDING = Duration.ofSeconds(10);

  /** What the pushes met. */
  record Counts(long deliveries, long redeliveries, long failed, long refused, int mostAtOnce) {}

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String project;
  private final Map<SuiteFunction, FunctionPool> pools;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> acked = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicLong redeliveries = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  EventarcPush(String project, Map<SuiteFunction, FunctionPool> pools) throws IOException {
    this.project = project;
    this.pools = Map.copyOf(pools);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Where the push subscription of {@code function}'s trigger on {@code topic} pushes. */
  String endpoint(SuiteFunction function, String topic) {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/"
        + function.functionName()
        + "/"
        + topic;
  }

  Counts counts() {
    return new Counts(
        deliveries.get(), redeliveries.get(), failed.get(), refused.get(), mostAtOnce.get());
  }

  /** Pushes acknowledged so far for subscriptions of {@code topic}. */
  long acked(String topic) {
    return acked.getOrDefault(topic, new AtomicLong()).get();
  }

  /** No push in flight, and none for at least {@code quiet}. */
  boolean idleFor(Duration quiet) {
    return inFlight.get() == 0 && System.nanoTime() - lastActivity.get() >= quiet.toNanos();
  }

  private void handle(HttpExchange exchange) throws IOException {
    mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    lastActivity.set(System.nanoTime());
    try {
      String[] path = exchange.getRequestURI().getPath().substring(1).split("/", 2);
      SuiteFunction function =
          java.util.Arrays.stream(SuiteFunction.values())
              .filter(f -> f.functionName().equals(path[0]))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no function " + path[0]));
      String topic = path[1];
      JsonObject push =
          JsonParser.parseString(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      JsonObject message = push.getAsJsonObject("message");
      String messageId = message.get("messageId").getAsString();
      deliveries.incrementAndGet();
      if (!seen.add(function.functionName() + "/" + messageId)) {
        redeliveries.incrementAndGet();
      }
      int status = deliver(function, topic, push, message);
      if (status / 100 == 2) {
        acked.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
      } else if (status == 429) {
        refused.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
      exchange.sendResponseHeaders(status / 100 == 2 ? 204 : status, -1);
    } catch (RuntimeException | InterruptedException e) {
      failed.incrementAndGet();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(500, -1);
    } finally {
      exchange.close();
      lastActivity.set(System.nanoTime());
      inFlight.decrementAndGet();
    }
  }

  /** The function's answer to the push: its HTTP status, or 429 when no instance came free. */
  private int deliver(SuiteFunction function, String topic, JsonObject push, JsonObject message)
      throws InterruptedException {
    FunctionPool pool = pools.get(function);
    FunctionProcess instance;
    try {
      instance = pool.acquire(PENDING);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return 500; // the instance did not start: Cloud Run answers 5xx, Pub/Sub retries
    }
    if (instance == null) {
      return 429;
    }
    try {
      PubSubEmulator.Pulled pushed = PubSubEmulator.Pulled.from(message);
      String subscription = push.get("subscription").getAsString();
      var event =
          PubSubCloudEvents.messagePublished(
              project,
              topic,
              subscription.substring(subscription.lastIndexOf('/') + 1),
              pushed.messageId(),
              Instant.parse(message.get("publishTime").getAsString()),
              pushed.data(),
              pushed.attributes());
      HttpResponse<String> response =
          CLIENT.send(
              HttpPush.request(URI.create("http://127.0.0.1:" + instance.port() + "/"), event),
              HttpResponse.BodyHandlers.ofString());
      pool.release(instance);
      return response.statusCode();
    } catch (IOException e) {
      // The instance is gone (it crashed, or stopped answering): Cloud Run replaces it; the push
      // fails, and Pub/Sub redelivers it to another.
      pool.discard(instance);
      return 503;
    } catch (RuntimeException | InterruptedException e) {
      pool.release(instance);
      throw e;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}

package com.nbaprops.pcf.adapter.embedded;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.adapter.embedded.Deliveries.Delivery;
import com.nbaprops.pcf.failure.Causes;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.WarehouseException;
import io.cloudevents.CloudEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-process Pub/Sub: each published message goes to every subscription of its topic as the
 * CloudEvent Eventarc would deliver. Delivery is at-least-once like Pub/Sub's: a function that
 * throws gets the message again (after the messages already queued, as a backoff would order it)
 * until {@code maxDeliveryAttempts}, then the message is dead-lettered. By default deliveries run
 * on the publishing thread, one at a time, so a run is deterministic; a {@link #pooled} bus runs up
 * to N deliveries at once on workers of its own, as Pub/Sub pushes to up to {@code
 * max_instance_count} instances, and its first publish still returns only once everything it set
 * off is done; an {@link #asynchronous} bus delivers on its own thread instead, as Pub/Sub does,
 * for functions that publish from inside a request of their own (the HTTP-hosted functions of
 * {@code ./pipeline serve}).
 */
public final class LocalEventBus implements EventBus, AutoCloseable {
  /**
   * Deliveries of a message before it is dead-lettered: the Terraform default
   * (max_delivery_attempts).
   */
  public static final int MAX_DELIVERY_ATTEMPTS = 5;

  /** A message as the bus stored it. */
  public record Message(String id, String topic, String data, Map<String, String> attributes) {}

  /** A message that no delivery attempt could process. */
  public record DeadLetter(String subscription, Message message, int attempts, String lastError) {}

  /**
   * A subscription: to a topic's messages, each delivered as Eventarc wraps a Pub/Sub message, or
   * ({@code direct}) to a channel of events delivered as they are, as an Eventarc trigger on audit
   * logs delivers its entries.
   */
  record Subscription(String name, String topic, CloudEventsFunction function, boolean direct) {}

  /**
   * Message ids are numbers, as Pub/Sub's are, and unique across processes as theirs are: each bus
   * counts up from a random base, so two CLI runs never reuse an id (failure rows are keyed by it).
   */
  private final long idBase = new SecureRandom().nextLong() & 0x3FFF_FFFF_0000_0000L;

  private final AtomicLong lastId = new AtomicLong();
  private final String projectId;
  private final int maxDeliveryAttempts;
  private final Clock clock;
  private final StructuredLog log;
  private final Map<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, CloudEvent> directEvents = new ConcurrentHashMap<>();
  private final List<Message> published = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final List<Consumer<DeadLetter>> deadLetterListeners = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, Message>> deliveryListeners = new CopyOnWriteArrayList<>();
  private final Deliveries deliveries;

  /** A bus that delivers on the publishing thread, one at a time, in order. */
  public LocalEventBus(String projectId, int maxDeliveryAttempts, Clock clock, StructuredLog log) {
    this(projectId, maxDeliveryAttempts, clock, log, Deliveries.OnPublishingThread::new);
  }

  /**
   * A bus that runs up to {@code workers} deliveries at once. The publish that starts a run returns
   * when every delivery it led to is done or dead-lettered, as with the default bus; the order of
   * deliveries across messages is not kept, as Pub/Sub does not keep it.
   */
  public static LocalEventBus pooled(
      String projectId, int maxDeliveryAttempts, Clock clock, StructuredLog log, int workers) {
    return new LocalEventBus(
        projectId,
        maxDeliveryAttempts,
        clock,
        log,
        attempt -> new Deliveries.OnWorkers(attempt, workers));
  }

  /**
   * A bus that returns from {@link #publish} at once and delivers on one background thread, in
   * order.
   */
  public static LocalEventBus asynchronous(
      String projectId, int maxDeliveryAttempts, Clock clock, StructuredLog log) {
    return new LocalEventBus(
        projectId, maxDeliveryAttempts, clock, log, Deliveries.InBackground::new);
  }

  private LocalEventBus(
      String projectId,
      int maxDeliveryAttempts,
      Clock clock,
      StructuredLog log,
      Function<Deliveries.Attempt, Deliveries> mode) {
    if (maxDeliveryAttempts < 1) {
      throw new IllegalArgumentException("maxDeliveryAttempts must be at least 1");
    }
    this.projectId = projectId;
    this.maxDeliveryAttempts = maxDeliveryAttempts;
    this.clock = clock;
    this.log = log.with("component", "local-bus");
    this.deliveries = mode.apply(this::attempt);
  }

  /**
   * Delivers every later message of {@code topic} to {@code function}, as subscription {@code
   * name}.
   */
  public void subscribe(String topic, String name, CloudEventsFunction function) {
    subscriptions
        .computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>())
        .add(new Subscription(name, topic, function, false));
  }

  /**
   * Delivers every later event of {@code channel} to {@code function} as it is, as subscription
   * {@code name}: what an Eventarc trigger on audit logs does, with Pub/Sub's retries.
   */
  public void subscribeEvents(String channel, String name, CloudEventsFunction function) {
    subscriptions
        .computeIfAbsent(channel, t -> new CopyOnWriteArrayList<>())
        .add(new Subscription(name, channel, function, true));
  }

  /**
   * Delivers {@code event} to the subscribers of {@code channel}, retried and dead-lettered as a
   * message is; returns its id.
   */
  public String deliver(String channel, CloudEvent event) {
    Message message =
        new Message(
            event.getId(),
            channel,
            event.getData() == null
                ? ""
                : new String(event.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8),
            Map.of());
    directEvents.put(message.id(), event);
    return dispatch(message);
  }

  /**
   * Hands every dead letter to {@code listener} as well, as a dead-letter topic keeps it for an
   * operator after this process ends.
   */
  public void onDeadLetter(Consumer<DeadLetter> listener) {
    deadLetterListeners.add(listener);
  }

  /**
   * Tells {@code listener} of each delivery a subscriber finished without an error, with the
   * subscription's name, as it finishes: progress that follows the work, not the queue.
   */
  public void onDelivered(BiConsumer<String, Message> listener) {
    deliveryListeners.add(listener);
  }

  @Override
  public String publish(String topic, String data, Map<String, String> attributes) {
    return dispatch(
        new Message(
            Long.toString(idBase + lastId.incrementAndGet()), topic, data, Map.copyOf(attributes)));
  }

  /** Keeps {@code message} and hands it to every subscription of its topic; returns its id. */
  private String dispatch(Message message) {
    synchronized (published) {
      published.add(message);
    }
    deliveries.dispatch(
        subscriptions.getOrDefault(message.topic(), List.of()).stream()
            .map(subscription -> new Delivery(subscription, message, 1))
            .toList());
    return message.id();
  }

  /**
   * Waits until every message published so far has been delivered or dead-lettered (for an
   * asynchronous bus).
   *
   * @return false if that did not happen within {@code timeout}
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return deliveries.awaitIdle(timeout);
  }

  /**
   * Stops the delivery threads of an asynchronous or pooled bus; what is still pending is dropped,
   * as on a process exit.
   */
  @Override
  public void close() {
    deliveries.close();
  }

  /** Every message published so far, in order. */
  public List<Message> published() {
    synchronized (published) {
      return List.copyOf(published);
    }
  }

  public List<Message> published(String topic) {
    synchronized (published) {
      return published.stream().filter(m -> m.topic().equals(topic)).toList();
    }
  }

  public List<DeadLetter> deadLetters() {
    synchronized (deadLetters) {
      return List.copyOf(deadLetters);
    }
  }

  /** Calls the subscriber; answers the retry when it failed with attempts left. */
  private Optional<Delivery> attempt(Delivery delivery) {
    Message message = delivery.message();
    Subscription subscription = delivery.subscription();
    try {
      subscription
          .function()
          .accept(
              subscription.direct()
                  ? directEvents.get(message.id())
                  : PubSubCloudEvents.messagePublished(
                      projectId,
                      message.topic(),
                      subscription.name(),
                      message.id(),
                      clock.instant(),
                      message.data(),
                      message.attributes()));
    } catch (Exception e) {
      return failed(delivery, e);
    }
    deliveryListeners.forEach(listener -> listener.accept(subscription.name(), message));
    return Optional.empty();
  }

  private Optional<Delivery> failed(Delivery delivery, Exception e) {
    Message message = delivery.message();
    Subscription subscription = delivery.subscription();
    // The whole chain: a wrapper's message often hides the fault a person can act on.
    String error = Causes.chain(e);
    if (delivery.attempt() < maxDeliveryAttempts) {
      log.warning(
          String.format(
              "delivery %d/%d of message %s to %s failed, will retry: %s",
              delivery.attempt(), maxDeliveryAttempts, message.id(), subscription.name(), error));
      WarehouseException.statementIn(e)
          .ifPresent(statement -> log.info("the statement that failed:\n" + statement));
      return Optional.of(delivery.next());
    }
    // With the exception, as the invoker logs what a function throws: Error Reporting's form in
    // JSON, its stack trace included.
    log.error(
        String.format(
            "message %s on %s dead-lettered from %s after %d attempts: %s",
            message.id(), message.topic(), subscription.name(), delivery.attempt(), error),
        e);
    DeadLetter letter = new DeadLetter(subscription.name(), message, delivery.attempt(), error);
    // One letter at a time: the listeners (the dead-letter file) see them in the list's order.
    synchronized (deadLetters) {
      deadLetters.add(letter);
      deadLetterListeners.forEach(listener -> listener.accept(letter));
    }
    return Optional.empty();
  }
}

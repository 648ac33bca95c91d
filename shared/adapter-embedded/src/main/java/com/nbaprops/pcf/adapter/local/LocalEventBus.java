package com.nbaprops.pcf.adapter.local;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.failure.Causes;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.EventBus;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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

  private record Subscription(String name, String topic, CloudEventsFunction function) {}

  private record Delivery(Subscription subscription, Message message, int attempt) {}

  /**
   * Message ids are numbers, as Pub/Sub's are, and unique across processes as theirs are: each bus
   * counts up from a random base, so two CLI runs never reuse an id (failure rows are keyed by it).
   */
  private final long idBase = new SecureRandom().nextLong() & 0x3FFF_FFFF_0000_0000L;

  private final String projectId;
  private final int maxDeliveryAttempts;
  private final Clock clock;
  private final StructuredLog log;
  private final Map<String, List<Subscription>> subscriptions = new LinkedHashMap<>();
  private final Deque<Delivery> pending = new ArrayDeque<>();
  private final List<Message> published = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final List<Consumer<DeadLetter>> deadLetterListeners = new ArrayList<>();
  private final List<BiConsumer<String, Message>> deliveryListeners = new CopyOnWriteArrayList<>();
  private final ExecutorService deliveryThread;
  private final int workers;
  private ExecutorService workerPool;
  private int inFlight;
  private long lastId;
  private boolean delivering;

  public LocalEventBus(String projectId, int maxDeliveryAttempts, Clock clock, StructuredLog log) {
    this(projectId, maxDeliveryAttempts, clock, log, null, 1);
  }

  /**
   * A bus that runs up to {@code workers} deliveries at once. The publish that starts a run returns
   * when every delivery it led to is done or dead-lettered, as with the default bus; the order of
   * deliveries across messages is not kept, as Pub/Sub does not keep it.
   */
  public static LocalEventBus pooled(
      String projectId, int maxDeliveryAttempts, Clock clock, StructuredLog log, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    return new LocalEventBus(projectId, maxDeliveryAttempts, clock, log, null, workers);
  }

  /**
   * A bus that returns from {@link #publish} at once and delivers on one background thread, in
   * order.
   */
  public static LocalEventBus asynchronous(
      String projectId, int maxDeliveryAttempts, Clock clock, StructuredLog log) {
    return new LocalEventBus(
        projectId,
        maxDeliveryAttempts,
        clock,
        log,
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "local-bus-delivery");
              thread.setDaemon(true);
              return thread;
            }),
        1);
  }

  private LocalEventBus(
      String projectId,
      int maxDeliveryAttempts,
      Clock clock,
      StructuredLog log,
      ExecutorService deliveryThread,
      int workers) {
    if (maxDeliveryAttempts < 1) {
      throw new IllegalArgumentException("maxDeliveryAttempts must be at least 1");
    }
    this.projectId = projectId;
    this.maxDeliveryAttempts = maxDeliveryAttempts;
    this.clock = clock;
    this.log = log.with("component", "local-bus");
    this.deliveryThread = deliveryThread;
    this.workers = workers;
  }

  /**
   * Delivers every later message of {@code topic} to {@code function}, as subscription {@code
   * name}.
   */
  public synchronized void subscribe(String topic, String name, CloudEventsFunction function) {
    subscriptions
        .computeIfAbsent(topic, t -> new ArrayList<>())
        .add(new Subscription(name, topic, function));
  }

  /**
   * Hands every dead letter to {@code listener} as well, as a dead-letter topic keeps it for an
   * operator after this process ends.
   */
  public synchronized void onDeadLetter(Consumer<DeadLetter> listener) {
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
    Message message;
    boolean drive;
    synchronized (this) {
      message = new Message(Long.toString(idBase + ++lastId), topic, data, Map.copyOf(attributes));
      published.add(message);
      for (Subscription subscription : subscriptions.getOrDefault(topic, List.of())) {
        pending.addLast(new Delivery(subscription, message, 1));
      }
      if (deliveryThread != null) {
        delivering = true;
        deliveryThread.execute(this::deliverInBackground);
        return message.id();
      }
      if (workers == 1) {
        if (!delivering) {
          deliverPending();
        }
        return message.id();
      }
      drive = !delivering;
      delivering = true;
      notifyAll(); // a driving publish waits for work from the workers' publishes
    }
    if (drive) {
      drivePool();
    }
    return message.id();
  }

  /**
   * Hands pending deliveries to the workers, at most {@code workers} at a time, until none is
   * pending and none in flight. Runs on the publishing thread, without holding the bus while it
   * waits, so the workers' functions can publish.
   */
  private void drivePool() {
    synchronized (this) {
      if (workerPool == null) {
        workerPool =
            Executors.newFixedThreadPool(
                workers,
                runnable -> {
                  Thread thread = new Thread(runnable, "local-bus-worker");
                  thread.setDaemon(true);
                  return thread;
                });
      }
      try {
        while (!pending.isEmpty() || inFlight > 0) {
          while (!pending.isEmpty() && inFlight < workers) {
            Delivery next = pending.removeFirst();
            inFlight++;
            workerPool.execute(
                () -> {
                  try {
                    deliver(next);
                  } finally {
                    synchronized (this) {
                      inFlight--;
                      notifyAll();
                    }
                  }
                });
          }
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while delivering", e);
      } finally {
        delivering = false;
        notifyAll();
      }
    }
  }

  /**
   * Waits until every message published so far has been delivered or dead-lettered (for an
   * asynchronous bus).
   *
   * @return false if that did not happen within {@code timeout}
   */
  public synchronized boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (delivering || !pending.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /**
   * Takes one delivery at a time, calling the function without holding the bus, so it may publish
   * meanwhile.
   */
  private void deliverInBackground() {
    while (true) {
      Delivery next;
      synchronized (this) {
        if (pending.isEmpty()) {
          delivering = false;
          notifyAll();
          return;
        }
        next = pending.removeFirst();
      }
      deliver(next);
    }
  }

  /**
   * Stops the delivery thread of an asynchronous bus; what is still pending is dropped, as on a
   * process exit.
   */
  @Override
  public synchronized void close() {
    if (deliveryThread != null) {
      deliveryThread.shutdownNow();
    }
    if (workerPool != null) {
      workerPool.shutdownNow();
    }
  }

  /** Every message published so far, in order. */
  public synchronized List<Message> published() {
    return List.copyOf(published);
  }

  public synchronized List<Message> published(String topic) {
    return published.stream().filter(m -> m.topic().equals(topic)).toList();
  }

  public synchronized List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  private void deliverPending() {
    delivering = true;
    try {
      while (!pending.isEmpty()) {
        deliver(pending.removeFirst());
      }
    } finally {
      delivering = false;
    }
  }

  private void deliver(Delivery delivery) {
    Message message = delivery.message();
    Subscription subscription = delivery.subscription();
    try {
      subscription
          .function()
          .accept(
              PubSubCloudEvents.messagePublished(
                  projectId,
                  message.topic(),
                  subscription.name(),
                  message.id(),
                  clock.instant(),
                  message.data(),
                  message.attributes()));
    } catch (Exception e) {
      failed(delivery, e);
      return;
    }
    deliveryListeners.forEach(listener -> listener.accept(subscription.name(), message));
  }

  private synchronized void failed(Delivery delivery, Exception e) {
    Message message = delivery.message();
    Subscription subscription = delivery.subscription();
    // The whole chain: a wrapper's message often hides the fault a person can act on.
    String error = Causes.chain(e);
    if (delivery.attempt() < maxDeliveryAttempts) {
      log.warning(
          "delivery "
              + delivery.attempt()
              + "/"
              + maxDeliveryAttempts
              + " of message "
              + message.id()
              + " to "
              + subscription.name()
              + " failed, will retry: "
              + error);
      pending.addLast(new Delivery(subscription, message, delivery.attempt() + 1));
    } else {
      log.error(
          "message "
              + message.id()
              + " on "
              + message.topic()
              + " dead-lettered from "
              + subscription.name()
              + " after "
              + delivery.attempt()
              + " attempts: "
              + error);
      DeadLetter letter = new DeadLetter(subscription.name(), message, delivery.attempt(), error);
      deadLetters.add(letter);
      deadLetterListeners.forEach(listener -> listener.accept(letter));
    }
  }
}

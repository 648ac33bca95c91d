package com.nbaprops.pcf.adapter.embedded;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * How a {@link LocalEventBus} runs its deliveries: one strategy per delivery mode. A strategy is
 * given each published message's deliveries and a way to attempt one, which answers the retry to
 * queue when the attempt failed and may be tried again. No strategy holds a lock while a function
 * runs, so a function may publish from inside its delivery.
 */
interface Deliveries extends AutoCloseable {
  /** Runs or schedules {@code deliveries}; returns when the mode's contract says. */
  void dispatch(List<Delivery> deliveries);

  /**
   * Waits until every delivery dispatched so far is done or dead-lettered.
   *
   * @return false if that did not happen within {@code timeout}
   */
  default boolean awaitIdle(Duration timeout) throws InterruptedException {
    return true; // the modes whose publish returns after its work are idle when it returns
  }

  @Override
  default void close() {}

  /** One attempt of delivering a message to a subscription. */
  record Delivery(
      LocalEventBus.Subscription subscription, LocalEventBus.Message message, int attempt) {
    Delivery next() {
      return new Delivery(subscription, message, attempt + 1);
    }
  }

  /** Attempts a delivery; answers its retry when it failed and has attempts left. */
  interface Attempt extends Function<Delivery, Optional<Delivery>> {}

  /**
   * On the publishing thread, one at a time, in order: a run is deterministic. A message a function
   * publishes is queued behind the current one and delivered by the outermost publish of the
   * thread, as are retries (behind what is queued, as a backoff would order them).
   */
  final class OnPublishingThread implements Deliveries {
    private final Attempt attempt;

    // Per bus, not static: a thread driving one bus may publish to another.
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Deque<Delivery>> queue = new ThreadLocal<>();

    OnPublishingThread(Attempt attempt) {
      this.attempt = attempt;
    }

    @Override
    public void dispatch(List<Delivery> deliveries) {
      Deque<Delivery> draining = queue.get();
      if (draining != null) {
        draining.addAll(deliveries);
        return;
      }
      Deque<Delivery> pending = new ArrayDeque<>(deliveries);
      queue.set(pending);
      try {
        while (!pending.isEmpty()) {
          attempt.apply(pending.removeFirst()).ifPresent(pending::addLast);
        }
      } finally {
        queue.remove();
      }
    }
  }

  /**
   * Up to N deliveries at once on workers of the bus, as Pub/Sub pushes to up to {@code
   * max_instance_count} instances. The publish that starts a run (one not made from inside a
   * delivery) returns once every delivery the run led to is done or dead-lettered.
   */
  final class OnWorkers implements Deliveries {
    private final Attempt attempt;
    private final ExecutorService workers;

    /** The run a worker's current delivery belongs to: its publishes join that run. */
    @SuppressWarnings("ThreadLocalUsage") // per bus, as the queue of OnPublishingThread
    private final ThreadLocal<Phaser> run = new ThreadLocal<>();

    OnWorkers(Attempt attempt, int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + workers);
      }
      this.attempt = attempt;
      this.workers = Executors.newFixedThreadPool(workers, daemon("local-bus-worker"));
    }

    @Override
    public void dispatch(List<Delivery> deliveries) {
      Phaser current = run.get();
      if (current != null) {
        deliveries.forEach(delivery -> submit(current, delivery));
        return;
      }
      // The publisher is a party of its own run: the run's phase ends when it and every delivery
      // registered meanwhile (each by a delivery not yet arrived) have arrived.
      Phaser started = new Phaser(1);
      deliveries.forEach(delivery -> submit(started, delivery));
      try {
        started.awaitAdvanceInterruptibly(started.arrive());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while delivering", e);
      }
    }

    private void submit(Phaser phaser, Delivery delivery) {
      phaser.register();
      workers.execute(
          () -> {
            run.set(phaser);
            try {
              attempt.apply(delivery).ifPresent(retry -> submit(phaser, retry));
            } finally {
              run.remove();
              phaser.arriveAndDeregister();
            }
          });
    }

    @Override
    public void close() {
      workers.shutdownNow();
    }
  }

  /**
   * On one background thread, in order; publish returns at once, as Pub/Sub's does: for functions
   * that publish from inside a request of their own (the HTTP-hosted functions of serve).
   */
  final class InBackground implements Deliveries {
    private final Attempt attempt;
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(daemon("local-bus-delivery"));
    private final AtomicInteger outstanding = new AtomicInteger();

    InBackground(Attempt attempt) {
      this.attempt = attempt;
    }

    @Override
    public void dispatch(List<Delivery> deliveries) {
      deliveries.forEach(this::submit);
    }

    private void submit(Delivery delivery) {
      outstanding.incrementAndGet();
      thread.execute(
          () -> {
            try {
              attempt.apply(delivery).ifPresent(this::submit);
            } finally {
              outstanding.decrementAndGet();
            }
          });
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      // The thread runs in order: a marker is done once all queued before it is; a retry queued
      // meanwhile comes after it, so look again.
      while (outstanding.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          thread.submit(() -> {}).get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          return false;
        } catch (ExecutionException e) {
          throw new IllegalStateException("the delivery thread failed", e);
        }
      }
      return true;
    }

    /** What is still pending is dropped, as on a process exit. */
    @Override
    public void close() {
      thread.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}

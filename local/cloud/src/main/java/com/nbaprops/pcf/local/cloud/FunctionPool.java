package com.nbaprops.pcf.local.cloud;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One function's instances as Cloud Run scales them: none until a request comes, a new one started
 * when every running one is busy (one request each, {@code max_instance_request_concurrency = 1}),
 * never more than the deployment's maximum. A request that finds them all busy waits for one.
 */
final class FunctionPool implements AutoCloseable {
  /** Starts one more instance, listening when it returns. */
  @FunctionalInterface
  interface Starter {
    FunctionProcess start() throws Exception;
  }

  private final int maxInstances;
  private final Starter starter;
  private final Deque<FunctionProcess> idle = new ArrayDeque<>();
  private final List<FunctionProcess> all = new ArrayList<>();
  private int starting;
  private int discarded;

  FunctionPool(int maxInstances, Starter starter) {
    this.maxInstances = maxInstances;
    this.starter = starter;
  }

  /**
   * An instance for one request, started if none is idle and the maximum allows; null when none
   * came free within {@code wait}. Give it back with {@link #release}.
   */
  FunctionProcess acquire(Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (this) {
      while (idle.isEmpty() && all.size() + starting >= maxInstances) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      if (!idle.isEmpty()) {
        return idle.removeFirst();
      }
      starting++;
    }
    FunctionProcess started = null;
    try {
      started = starter.start();
      return started;
    } finally {
      synchronized (this) {
        starting--;
        if (started != null) {
          all.add(started);
        }
        notifyAll();
      }
    }
  }

  synchronized void release(FunctionProcess instance) {
    idle.addLast(instance);
    notifyAll();
  }

  /** Stops an instance that no longer answers; the next request that needs one starts another. */
  void discard(FunctionProcess instance) {
    synchronized (this) {
      all.remove(instance);
      discarded++;
      notifyAll();
    }
    instance.close();
  }

  /** How many instances were started (cold starts). */
  synchronized int started() {
    return all.size() + discarded;
  }

  @Override
  public synchronized void close() {
    all.forEach(FunctionProcess::close);
  }
}

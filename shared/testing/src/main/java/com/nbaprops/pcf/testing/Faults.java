package com.nbaprops.pcf.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Fault injection through the ports: a {@code Warehouse}, {@code BlobStore} or {@code EventBus}
 * that behaves like the real one until a chosen call, then fails as a full disk or a lost
 * connection would.
 */
public final class Faults {
  private Faults() {}

  /**
   * {@code delegate}, except that the calls of {@code method} fail with {@code fault} from the
   * {@code nth} (1-based) on; the failing calls do not reach {@code delegate}.
   */
  public static <T> T failingFrom(
      Class<T> port,
      T delegate,
      String method,
      int nth,
      Supplier<? extends RuntimeException> fault) {
    return failing(port, delegate, method, call -> call >= nth, fault);
  }

  /** {@code delegate}, except that only the {@code nth} call of {@code method} fails. */
  public static <T> T failingOnce(
      Class<T> port,
      T delegate,
      String method,
      int nth,
      Supplier<? extends RuntimeException> fault) {
    return failing(port, delegate, method, call -> call == nth, fault);
  }

  private static <T> T failing(
      Class<T> port,
      T delegate,
      String method,
      IntPredicate fails,
      Supplier<? extends RuntimeException> fault) {
    if (Arrays.stream(port.getMethods()).noneMatch(m -> m.getName().equals(method))) {
      throw new IllegalArgumentException(
          port.getSimpleName()
              + " has no method '"
              + method
              + "' to fail: one of "
              + Arrays.stream(port.getMethods()).map(Method::getName).sorted().distinct().toList());
    }
    AtomicInteger calls = new AtomicInteger();
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, invoked, args) -> {
              if (invoked.getName().equals(method) && fails.test(calls.incrementAndGet())) {
                throw fault.get();
              }
              try {
                return invoked.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}

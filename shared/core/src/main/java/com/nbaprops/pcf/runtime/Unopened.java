package com.nbaprops.pcf.runtime;

import java.lang.reflect.Proxy;

/** A port a function does not use, so its deployment neither opens nor ships an adapter for it. */
final class Unopened {
  private Unopened() {}

  static <T> T port(Class<T> port, String why) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "toString" -> {
                  return "unopened " + port.getSimpleName();
                }
                case "hashCode" -> {
                  return System.identityHashCode(proxy);
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                default -> {}
              }
              throw new IllegalStateException(
                  port.getSimpleName() + "." + method.getName() + " called, but " + why);
            }));
  }
}

package com.nbaprops.pcf.failure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person can act on in a chain of exceptions. Wrappers repeat or hide the first fault
 * ("cannot commit - no transaction is active" over "No space left on device"), so the chain is
 * walked to its root, and every distinct message on the way is kept, the root's last.
 */
public final class Causes {
  private static final int MAX_DEPTH = 16;

  private Causes() {}

  /** The innermost cause's message, or its type when it has none. Never null. */
  public static String root(Throwable e) {
    Throwable root = e;
    for (int i = 0; i < MAX_DEPTH && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    return describe(root);
  }

  /** The distinct messages from the outermost exception to the root, joined by {@code ": "}. */
  public static String chain(Throwable e) {
    Set<String> messages = new LinkedHashSet<>();
    Throwable current = e;
    for (int i = 0; i < MAX_DEPTH && current != null; i++) {
      messages.add(describe(current));
      current = current.getCause() == current ? null : current.getCause();
    }
    List<String> parts = new ArrayList<>();
    for (String message : messages) {
      // A wrapper's message often ends with its cause's: keep only what adds something.
      if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(message)) {
        parts.add(message);
      }
    }
    return String.join(": ", parts);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
  }
}

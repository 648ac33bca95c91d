package com.nbaprops.pcf.local.runtime;

import com.nbaprops.pcf.config.Topic;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Where a request this process publishes is processed, chosen once when the runtime opens: by the
 * four functions in this process (the embedded bus), or by the deployed functions (a Pub/Sub bus),
 * to which the request is handed over.
 */
public interface Delivery {
  /**
   * The outcome of an operation whose request went to {@code topic}: {@code here}'s exit code when
   * the functions ran in this process; otherwise a line saying where {@code what} went, and {@link
   * ExitCodes#OK}.
   *
   * @param what the request, as the line names it ("message 123", "3 dead letters")
   */
  int outcome(Topic topic, String what, PrintWriter out, IntSupplier here);

  /** The dead letters of the functions that process the requests. */
  DeadLetterQueue deadLetters(Map<String, String> env);
}

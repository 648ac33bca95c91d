package com.nbaprops.pcf.local.runtime;

import com.nbaprops.pcf.config.Topic;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.IntSupplier;

/** The functions run in this process: by the time a publish returns, the chain has run. */
record InProcessDelivery(LocalRuntime local) implements Delivery {
  @Override
  public int outcome(Topic topic, String what, PrintWriter out, IntSupplier here) {
    return here.getAsInt();
  }

  @Override
  public DeadLetterQueue deadLetters(Map<String, String> env) {
    return new LocalDeadLetterQueue(local);
  }
}

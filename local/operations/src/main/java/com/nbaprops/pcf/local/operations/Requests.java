package com.nbaprops.pcf.local.operations;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.IntSupplier;

/** The messages the operations publish, each built and published in one place. */
final class Requests {
  private Requests() {}

  /** A date's request to composite-factors; returns the message id. */
  static String publish(LocalRuntime local, DateRequest request) {
    return local
        .runtime()
        .publisher()
        .publish(
            Topic.COMPOSITE_FACTORS_REQUESTS,
            request.toJson(),
            Attributes.of(request.runId(), request.analysisDate()));
  }

  /**
   * The outcome of request {@code messageId} to composite-factors: {@code here}'s when the
   * functions ran in this process, else where it went.
   */
  static int outcome(LocalRuntime local, String messageId, PrintWriter out, IntSupplier here) {
    return local
        .delivery()
        .outcome(Topic.COMPOSITE_FACTORS_REQUESTS, "message " + messageId, out, here);
  }

  /**
   * The daily sweep's message to metadata-tracking over {@code sweep}'s fields (days, or a start
   * and end date); returns the message id.
   */
  static String sweep(LocalRuntime local, JsonObject sweep, boolean flagIncomplete) {
    JsonObject message = sweep.deepCopy();
    message.addProperty("flag_incomplete", flagIncomplete);
    return local
        .runtime()
        .publisher()
        .publish(Topic.METADATA_TRACKING_TRIGGER, message.toString(), Map.of());
  }

  /** The sweep's fields for a span of dates. */
  static JsonObject span(DateRange span) {
    JsonObject fields = new JsonObject();
    fields.addProperty("start_date", span.start().toString());
    fields.addProperty("end_date", span.end().toString());
    return fields;
  }
}

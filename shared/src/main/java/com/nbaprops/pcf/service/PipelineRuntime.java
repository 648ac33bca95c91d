package com.nbaprops.pcf.service;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Warehouse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/** What every function is wired with: configuration, the three ports, a clock and where logs go. */
public record PipelineRuntime(
    PipelineConfig config, Warehouse warehouse, EventBus bus, BlobStore blobs, Clock clock, LogSink logSink) {

  private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  /** Today in the league's time zone: "yesterday" for a game night means the night in New York. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(config.leagueTimeZone()));
  }

  /** A new run id: sortable by start time, unique by its random tail. */
  public String newRunId() {
    String stamp = clock.instant().atZone(config.leagueTimeZone()).format(RUN_STAMP);
    return "run-" + stamp + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public StructuredLog log(String function) {
    return StructuredLog.to(logSink).with("function", function);
  }

  public String publish(Topic topic, String json, Map<String, String> attributes) {
    return bus.publish(config.topic(topic), json, attributes);
  }
}

package com.nbaprops.pcf.transport;

import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.JsonFields;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BigQuery table written, read from the audit log entry an Eventarc trigger delivers as a {@code
 * google.cloud.audit.log.v1.written} CloudEvent (its data a {@code LogEntryData}: the log entry as
 * JSON). Two entries say a table was written:
 *
 * <ul>
 *   <li>BigQueryAuditMetadata's {@code tableDataChange} ({@code protoPayload.metadata}), logged for
 *       the table a job changed, its {@code resourceName} {@code projects/P/datasets/D/tables/T}:
 *       what the suite's triggers filter on, by table;
 *   <li>the older AuditData's {@code jobservice.jobcompleted} ({@code
 *       protoPayload.serviceData.jobCompletedEvent}), whose load or query names its destination
 *       table, with the partition when the job wrote {@code T$YYYYMMDD}.
 * </ul>
 *
 * Any other entry (a read, a job that failed, another service's) writes nothing: {@link #decode}
 * answers empty. An event that is no audit log entry at all is an {@link InvalidMessageException}.
 *
 * @param partition the partition written, when the entry names one
 * @param at when the entry was logged: the write had finished by then
 */
public record TableWritten(
    String project,
    String dataset,
    String table,
    Optional<LocalDate> partition,
    Instant at,
    String jobName) {
  public static final String EVENT_TYPE = "google.cloud.audit.log.v1.written";

  /** The method of the older job-completion entry. */
  public static final String JOB_COMPLETED = "jobservice.jobcompleted";

  private static final Pattern TABLE_RESOURCE =
      Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/$]+)(?:\\$(\\d{8}))?");

  private static final Pattern DECORATED = Pattern.compile("([^$]+)(?:\\$(\\d{8}))?");

  /** Whether {@code event} is an audit log entry (what {@link #decode} reads). */
  public static boolean isAuditLog(CloudEvent event) {
    return EVENT_TYPE.equals(event.getType());
  }

  /**
   * The table the entry says was written, or empty when it writes none.
   *
   * @throws InvalidMessageException when the event is no BigQuery audit log entry
   */
  public static Optional<TableWritten> decode(CloudEvent event) {
    String id = event.getId();
    if (!isAuditLog(event)) {
      throw new InvalidMessageException(
          "CloudEvent "
              + id
              + " is of type '"
              + JsonFields.abbreviate(event.getType())
              + "', not an audit log entry ("
              + EVENT_TYPE
              + ")");
    }
    if (event.getData() == null) {
      throw new InvalidMessageException("CloudEvent " + id + " has no data");
    }
    try {
      JsonFields entry =
          JsonFields.parse(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
      JsonFields payload =
          entry
              .optionalObject("protoPayload")
              .orElseThrow(() -> new InvalidMessageException("it has no 'protoPayload'"));
      String service = payload.optionalString("serviceName").orElse("");
      if (!service.equals("bigquery.googleapis.com")) {
        throw new InvalidMessageException(
            "it was written by '" + JsonFields.abbreviate(service) + "', not BigQuery");
      }
      Instant at = instant(entry.optionalString("timestamp").orElse(""));
      Optional<JsonFields> change =
          payload.optionalObject("metadata").flatMap(m -> m.optionalObject("tableDataChange"));
      if (change.isPresent()) {
        return Optional.of(
            fromResource(
                payload.optionalString("resourceName").orElse(""),
                at,
                change.get().optionalString("jobName").orElse("")));
      }
      if (JOB_COMPLETED.equals(payload.optionalString("methodName").orElse(""))) {
        return completed(payload, at);
      }
      return Optional.empty();
    } catch (InvalidMessageException e) {
      throw new InvalidMessageException(
          "CloudEvent " + id + " is no BigQuery audit log entry: " + e.getMessage(), e);
    }
  }

  private static TableWritten fromResource(String resource, Instant at, String jobName) {
    Matcher matcher = TABLE_RESOURCE.matcher(resource);
    if (!matcher.matches()) {
      throw new InvalidMessageException(
          "its resourceName '" + JsonFields.abbreviate(resource) + "' names no table");
    }
    return new TableWritten(
        matcher.group(1),
        matcher.group(2),
        matcher.group(3),
        partition(matcher.group(4)),
        at,
        jobName);
  }

  /** A job-completion entry: its destination table when the job succeeded, else nothing. */
  private static Optional<TableWritten> completed(JsonFields payload, Instant at) {
    Optional<JsonFields> job =
        payload
            .optionalObject("serviceData")
            .flatMap(data -> data.optionalObject("jobCompletedEvent"))
            .flatMap(completed -> completed.optionalObject("job"));
    if (job.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonFields> status = job.get().optionalObject("jobStatus");
    boolean done = status.flatMap(s -> s.optionalString("state")).orElse("").equals("DONE");
    boolean failed =
        status
            .flatMap(s -> s.optionalObject("error"))
            .map(error -> error.has("code") || error.has("message"))
            .orElse(false);
    if (!done || failed) {
      return Optional.empty();
    }
    Optional<JsonFields> configuration = job.get().optionalObject("jobConfiguration");
    Optional<JsonFields> destination =
        configuration
            .flatMap(c -> c.optionalObject("load").or(() -> c.optionalObject("query")))
            .flatMap(c -> c.optionalObject("destinationTable"));
    if (destination.isEmpty()) {
      return Optional.empty();
    }
    Matcher table = DECORATED.matcher(destination.get().optionalString("tableId").orElse(""));
    if (!table.matches()) {
      return Optional.empty();
    }
    String jobName =
        job.get()
            .optionalObject("jobName")
            .flatMap(name -> name.optionalString("jobId"))
            .orElse("");
    return Optional.of(
        new TableWritten(
            destination.get().optionalString("projectId").orElse(""),
            destination.get().optionalString("datasetId").orElse(""),
            table.group(1),
            partition(table.group(2)),
            at,
            jobName));
  }

  private static Optional<LocalDate> partition(String decorator) {
    if (decorator == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(decorator, DateTimeFormatter.BASIC_ISO_DATE));
    } catch (DateTimeParseException e) {
      // An hourly or integer-range decorator: not a date partition, so the table as a whole.
      return Optional.empty();
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidMessageException(
          "its timestamp '" + JsonFields.abbreviate(text) + "' is no RFC 3339 time", e);
    }
  }
}

package com.nbaprops.pcf.loopback;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that speaks enough of BigQuery's REST API (v2) for the real client, in any
 * project: jobs.query, jobs.insert, jobs.get, jobs.getQueryResults, resumable uploads (load jobs),
 * datasets and tables. It records every call; each statement, load and table is handed to {@link
 * Statements}: a canned answer for a test, or a real warehouse for the benchmark and the cloud run.
 * Requests are served concurrently, and every write job goes through {@link BigQueryRules}, so
 * clients that write the same table at once meet what they would meet on BigQuery: queues,
 * conflicts, cancelled transactions, rate limits, each answered with BigQuery's error reason and
 * message.
 */
public final class LoopbackBigQuery implements AutoCloseable {
  private static final Pattern PROJECT_PATH =
      Pattern.compile("^(/upload)?/bigquery/v2/projects/([^/]+)(/.*)?$");

  /** One REST call, with its body un-gzipped (JSON for API calls, the data for an upload). */
  public record Call(String method, String path, String query, String body) {
    public JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  /** A named query parameter as the client sends it: its type and value in BigQuery's text form. */
  public record Parameter(String name, String type, String value) {}

  /**
   * The answer to a statement: a schema of [name, type] pairs, rows of cells in BigQuery's text
   * form (null for NULL; a TIMESTAMP as microseconds since the epoch, sent in the format the
   * request asks for), and for DML the rows it changed.
   */
  public record Answer(List<String[]> schema, List<List<String>> rows, long dmlAffectedRows) {
    public static final Answer EMPTY = new Answer(List.of(), List.of(), 0);
  }

  /** Answers the statements the client sends, and applies its loads and tables. */
  public interface Statements {
    Answer answer(String sql, List<Parameter> parameters);

    /** The table's partition column, when it is partitioned (the rules count per partition). */
    default Optional<String> partitionColumn(String dataset, String table) {
      return Optional.empty();
    }

    /**
     * A load job's rows, newline-delimited JSON, into the table, or into one partition of it when
     * {@code partition} is set; {@code truncate} replaces what was there (WRITE_TRUNCATE).
     */
    default void load(
        String dataset, String table, LocalDate partition, boolean truncate, String ndjson) {}

    /** tables.insert: the REST table resource (its {@code schema.fields}). */
    default void createTable(String dataset, String table, JsonObject resource) {}

    default void deleteTable(String dataset, String table) {}
  }

  /**
   * Thrown by {@link Statements#answer} to fail the job with a reason BigQuery gives, such as
   * {@code backendError}: what a test needs to see how a caller treats a job that failed.
   */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public Refused(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  /** A finished job's result: the rows of a query, or why the job failed. */
  private record Result(Answer answer, BigQueryRules.Refusal refusal) {}

  private static final Pattern TABLE_PATH = Pattern.compile("^/datasets/([^/]+)/tables/([^/]+)$");
  private static final Pattern DECORATED = Pattern.compile("^(.+)\\$(\\d{8})$");

  private final HttpServer server;
  private final ExecutorService threads;
  private final BigQueryRules rules;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, JsonObject> jobs = new ConcurrentHashMap<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> uploads = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** Held while a statement, load or table call reaches {@link #statements}: one at a time. */
  private final Object engine = new Object();

  private volatile Statements statements = (sql, parameters) -> Answer.EMPTY;

  /** Jobs answered as soon as they ran: the rules bite only where requests really overlap. */
  public LoopbackBigQuery() throws IOException {
    this(BigQueryRules.JobTimes.NONE);
  }

  /** Each write job held for its modelled time, as BigQuery takes seconds over one. */
  public LoopbackBigQuery(BigQueryRules.JobTimes times) throws IOException {
    rules = new BigQueryRules(times);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "loopback-bigquery");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** What BigQuery's rules did to the jobs so far. */
  public BigQueryRules.Counts rules() {
    return rules.counts();
  }

  /** {@code 127.0.0.1:PORT}, what {@code BIGQUERY_EMULATOR_HOST} names. */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public void answerWith(Statements statements) {
    this.statements = statements;
  }

  /** The same answer to every statement. */
  public void answerQueries(List<String[]> schema, List<List<String>> rows) {
    answerWith((sql, parameters) -> new Answer(schema, rows, 0));
  }

  public void answerDml(long affectedRows) {
    answerWith((sql, parameters) -> new Answer(List.of(), List.of(), affectedRows));
  }

  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Calls that started a job: a query, a DML statement or a load. */
  public List<Call> jobsStarted() {
    return calls().stream()
        .filter(
            c ->
                c.method().equals("POST")
                    && (c.path().endsWith("/queries") || c.path().endsWith("/jobs")))
        .toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Http.respond(exchange, 503, Http.error(503, "backendError", "the loopback is stopping"));
    } catch (RuntimeException e) {
      Http.respond(exchange, 500, Http.error(500, "internalError", String.valueOf(e.getMessage())));
    }
  }

  private void route(HttpExchange exchange) throws IOException, InterruptedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    String body = new String(Http.body(exchange), StandardCharsets.UTF_8);
    synchronized (calls) {
      calls.add(new Call(method, path, query == null ? "" : query, body));
    }
    Matcher matcher = PROJECT_PATH.matcher(path);
    if (!matcher.matches()) {
      Http.respond(exchange, 400, Http.error(400, "not a BigQuery path: " + path));
      return;
    }
    boolean upload = matcher.group(1) != null;
    String project = matcher.group(2);
    String rest = matcher.group(3) == null ? "" : matcher.group(3);

    if (upload && method.equals("POST") && rest.equals("/jobs")) {
      String uploadId = "upload-" + ids.incrementAndGet();
      uploads.put(uploadId, JsonParser.parseString(body).getAsJsonObject());
      exchange
          .getResponseHeaders()
          .add(
              "Location",
              "http://" + host() + path + "?uploadType=resumable&upload_id=" + uploadId);
      Http.respond(exchange, 200, new JsonObject());
    } else if (upload && method.equals("PUT") && rest.equals("/jobs")) {
      String uploadId = query.substring(query.indexOf("upload_id=") + "upload_id=".length());
      Http.respond(exchange, 200, finish(project, uploads.remove(uploadId), body));
    } else if (method.equals("POST") && rest.equals("/queries")) {
      JsonObject request = JsonParser.parseString(body).getAsJsonObject();
      String id = "query-" + ids.incrementAndGet();
      Result result = run(project, request);
      results.put(id, result);
      if (result.refusal() != null) {
        Http.respond(exchange, 400, failure(result.refusal()));
        return;
      }
      boolean int64Timestamps =
          request.has("formatOptions")
              && request.getAsJsonObject("formatOptions").has("useInt64Timestamp")
              && request.getAsJsonObject("formatOptions").get("useInt64Timestamp").getAsBoolean();
      Http.respond(exchange, 200, response(project, id, result.answer(), int64Timestamps));
    } else if (method.equals("POST") && rest.equals("/jobs")) {
      Http.respond(
          exchange, 200, finish(project, JsonParser.parseString(body).getAsJsonObject(), null));
    } else if (method.equals("GET") && rest.startsWith("/jobs/")) {
      JsonObject job = jobs.get(rest.substring(rest.lastIndexOf('/') + 1));
      Http.respond(
          exchange, job == null ? 404 : 200, job == null ? Http.error(404, "Not found: Job") : job);
    } else if (method.equals("GET") && rest.startsWith("/queries/")) {
      String id = rest.substring(rest.lastIndexOf('/') + 1);
      Result result = results.get(id);
      boolean int64Timestamps =
          query != null && query.contains("formatOptions.useInt64Timestamp=true");
      if (result == null) {
        Http.respond(exchange, 404, Http.error(404, "Not found: Job"));
      } else if (result.refusal() != null) {
        Http.respond(exchange, 400, failure(result.refusal()));
      } else {
        Http.respond(exchange, 200, response(project, id, result.answer(), int64Timestamps));
      }
    } else if (method.equals("GET") && rest.startsWith("/datasets/")) {
      Http.respond(exchange, 404, Http.error(404, "Not found: " + path));
    } else if (method.equals("POST") && rest.equals("/datasets")) {
      Http.respond(exchange, 200, JsonParser.parseString(body).getAsJsonObject());
    } else if (method.equals("POST") && rest.endsWith("/tables")) {
      JsonObject table = JsonParser.parseString(body).getAsJsonObject();
      JsonObject reference = table.getAsJsonObject("tableReference");
      synchronized (engine) {
        statements.createTable(
            reference.get("datasetId").getAsString(),
            reference.get("tableId").getAsString(),
            table);
      }
      table.addProperty("type", "TABLE");
      Http.respond(exchange, 200, table);
    } else if (method.equals("DELETE") && TABLE_PATH.matcher(rest).matches()) {
      Matcher table = TABLE_PATH.matcher(rest);
      table.matches();
      synchronized (engine) {
        statements.deleteTable(table.group(1), table.group(2));
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    } else {
      Http.respond(
          exchange, 400, Http.error(400, "the loopback does not answer " + method + " " + path));
    }
  }

  /**
   * Answers a query request (jobs.query's body, or a query job's configuration): a read at once, a
   * write under the rules.
   */
  private Result run(String project, JsonObject request) throws InterruptedException {
    List<Parameter> parameters = parameters(request);
    String sql = request.get("query").getAsString();
    var write = WriteShapes.of(project, sql, parameters, this::partitionColumn);
    Answer[] answer = {Answer.EMPTY};
    RuntimeException[] invalid = {null};
    BooleanSupplier apply =
        () -> {
          synchronized (engine) {
            try {
              answer[0] = statements.answer(sql, parameters);
              return true;
            } catch (RuntimeException e) {
              invalid[0] = e;
              return false;
            }
          }
        };
    BigQueryRules.Refusal refusal = null;
    if (write.isEmpty()) {
      boolean unused = apply.getAsBoolean(); // a read: the rules never hold it up
    } else {
      refusal = rules.run(write.get(), false, apply);
    }
    return new Result(answer[0], invalid[0] == null ? refusal : invalidQuery(invalid[0]));
  }

  /**
   * A statement the engine refused: BigQuery fails such a job with {@code invalidQuery}; a {@link
   * Refused} with its own reason.
   */
  private static BigQueryRules.Refusal invalidQuery(RuntimeException e) {
    String reason = e instanceof Refused refused ? refused.reason : "invalidQuery";
    return new BigQueryRules.Refusal(reason, String.valueOf(e.getMessage()));
  }

  private Optional<String> partitionColumn(String dataset, String table) {
    synchronized (engine) {
      return statements.partitionColumn(dataset, table);
    }
  }

  private static List<Parameter> parameters(JsonObject request) {
    List<Parameter> parameters = new ArrayList<>();
    if (request.has("queryParameters")) {
      for (JsonElement element : request.getAsJsonArray("queryParameters")) {
        JsonObject parameter = element.getAsJsonObject();
        JsonObject value = parameter.getAsJsonObject("parameterValue");
        parameters.add(
            new Parameter(
                parameter.get("name").getAsString(),
                parameter.getAsJsonObject("parameterType").get("type").getAsString(),
                value == null || !value.has("value") || value.get("value").isJsonNull()
                    ? null
                    : value.get("value").getAsString()));
      }
    }
    return parameters;
  }

  /** A load job's rows applied under the rules: into its table, or the decorated partition. */
  private BigQueryRules.Refusal load(String project, JsonObject load, String data)
      throws InterruptedException {
    JsonObject destination = load.getAsJsonObject("destinationTable");
    String dataset = destination.get("datasetId").getAsString();
    String tableId = destination.get("tableId").getAsString();
    Matcher decorated = DECORATED.matcher(tableId);
    String table = decorated.matches() ? decorated.group(1) : tableId;
    LocalDate partition =
        decorated.matches()
            ? LocalDate.parse(decorated.group(2), DateTimeFormatter.BASIC_ISO_DATE)
            : null;
    boolean truncate =
        load.has("writeDisposition")
            && load.get("writeDisposition").getAsString().equals("WRITE_TRUNCATE");
    Footprint footprint =
        partition != null
            ? Footprint.partition(partition)
            : truncate ? Footprint.ALL : Footprint.NONE;
    boolean partitioned = partitionColumn(dataset, table).isPresent();
    RuntimeException[] invalid = {null};
    BigQueryRules.Refusal refusal =
        rules.run(
            new BigQueryRules.Write(
                project + "." + dataset + "." + table, BigQueryRules.Kind.LOAD, footprint),
            partitioned,
            () -> {
              synchronized (engine) {
                try {
                  statements.load(dataset, table, partition, truncate, data);
                  return true;
                } catch (RuntimeException e) {
                  invalid[0] = e;
                  return false;
                }
              }
            });
    return invalid[0] == null ? refusal : invalidQuery(invalid[0]);
  }

  private static JsonObject failure(BigQueryRules.Refusal refusal) {
    int code =
        refusal.reason().equals("rateLimitExceeded") || refusal.reason().equals("quotaExceeded")
            ? 403
            : 400;
    return Http.error(code, refusal.reason(), refusal.message());
  }

  private static JsonObject response(
      String project, String id, Answer answer, boolean int64Timestamps) {
    JsonArray fields = new JsonArray();
    for (String[] field : answer.schema()) {
      JsonObject f = new JsonObject();
      f.addProperty("name", field[0]);
      f.addProperty("type", field[1]);
      f.addProperty("mode", "NULLABLE");
      fields.add(f);
    }
    JsonArray rows = new JsonArray();
    for (List<String> row : answer.rows()) {
      JsonArray cells = new JsonArray();
      for (int i = 0; i < row.size(); i++) {
        String value = row.get(i);
        if (value != null && !int64Timestamps && answer.schema().get(i)[1].equals("TIMESTAMP")) {
          value = new BigDecimal(value).movePointLeft(6).toPlainString();
        }
        JsonObject cell = new JsonObject();
        cell.addProperty("v", value);
        cells.add(cell);
      }
      JsonObject r = new JsonObject();
      r.add("f", cells);
      rows.add(r);
    }
    JsonObject schema = new JsonObject();
    schema.add("fields", fields);
    JsonObject response = new JsonObject();
    response.addProperty("kind", "bigquery#queryResponse");
    response.add("schema", schema);
    response.add("rows", rows);
    response.addProperty("totalRows", Integer.toString(rows.size()));
    response.addProperty("jobComplete", true);
    response.addProperty("numDmlAffectedRows", Long.toString(answer.dmlAffectedRows()));
    response.add("jobReference", jobReference(project, id));
    return response;
  }

  /**
   * A job as jobs.get shows it once done: the request's configuration, status DONE (with the error
   * when it failed), statistics. A job runs here before it is answered; a query's rows wait for
   * jobs.getQueryResults.
   *
   * @param data a load's rows, null for a query job
   */
  private JsonObject finish(String project, JsonObject request, String data)
      throws InterruptedException {
    JsonObject job = request.deepCopy();
    String id =
        job.has("jobReference") && job.getAsJsonObject("jobReference").has("jobId")
            ? job.getAsJsonObject("jobReference").get("jobId").getAsString()
            : "job-" + ids.incrementAndGet();
    job.add("jobReference", jobReference(project, id));
    JsonObject status = new JsonObject();
    status.addProperty("state", "DONE");
    job.add("status", status);
    JsonObject statistics = new JsonObject();
    statistics.addProperty("creationTime", "1");
    JsonObject configuration = job.getAsJsonObject("configuration");
    BigQueryRules.Refusal refusal = null;
    if (configuration.has("query")) {
      Result result = run(project, configuration.getAsJsonObject("query"));
      results.put(id, result);
      refusal = result.refusal();
      JsonObject queryStatistics = new JsonObject();
      queryStatistics.addProperty(
          "numDmlAffectedRows", Long.toString(result.answer().dmlAffectedRows()));
      statistics.add("query", queryStatistics);
    } else if (configuration.has("load") && data != null) {
      refusal = load(project, configuration.getAsJsonObject("load"), data);
    }
    if (refusal != null) {
      JsonObject error = new JsonObject();
      error.addProperty("reason", refusal.reason());
      error.addProperty("message", refusal.message());
      status.add("errorResult", error);
      JsonArray errors = new JsonArray();
      errors.add(error);
      status.add("errors", errors);
    }
    job.add("statistics", statistics);
    jobs.put(id, job);
    return job;
  }

  private static JsonObject jobReference(String project, String id) {
    JsonObject reference = new JsonObject();
    reference.addProperty("projectId", project);
    reference.addProperty("jobId", id);
    reference.addProperty("location", "US");
    return reference;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}

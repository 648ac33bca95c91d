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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that speaks enough of BigQuery's REST API (v2) for the real client, in any
 * project: jobs.query, jobs.insert, jobs.get, jobs.getQueryResults, resumable uploads (load jobs,
 * accepted and recorded), datasets and tables. It records every call; each statement is answered by
 * {@link Statements}: a canned answer for a test, or a real warehouse for the benchmark.
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

  /** Answers the statements the client sends. */
  public interface Statements {
    Answer answer(String sql, List<Parameter> parameters);
  }

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, JsonObject> jobs = new HashMap<>();
  private final Map<String, Answer> results = new HashMap<>();
  private final Map<String, JsonObject> uploads = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private Statements statements = (sql, parameters) -> Answer.EMPTY;

  public LoopbackBigQuery() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code 127.0.0.1:PORT}, what {@code BIGQUERY_EMULATOR_HOST} names. */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized void answerWith(Statements statements) {
    this.statements = statements;
  }

  /** The same answer to every statement. */
  public void answerQueries(List<String[]> schema, List<List<String>> rows) {
    answerWith((sql, parameters) -> new Answer(schema, rows, 0));
  }

  public void answerDml(long affectedRows) {
    answerWith((sql, parameters) -> new Answer(List.of(), List.of(), affectedRows));
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls that started a job: a query, a DML statement or a load. */
  public synchronized List<Call> jobsStarted() {
    return calls.stream()
        .filter(
            c ->
                c.method().equals("POST")
                    && (c.path().endsWith("/queries") || c.path().endsWith("/jobs")))
        .toList();
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    String body = new String(Http.body(exchange), StandardCharsets.UTF_8);
    calls.add(new Call(method, path, query == null ? "" : query, body));
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
      Http.respond(exchange, 200, finish(project, uploads.get(uploadId)));
    } else if (method.equals("POST") && rest.equals("/queries")) {
      JsonObject request = JsonParser.parseString(body).getAsJsonObject();
      String id = "query-" + ids.incrementAndGet();
      Answer answer = run(request);
      results.put(id, answer);
      boolean int64Timestamps =
          request.has("formatOptions")
              && request.getAsJsonObject("formatOptions").has("useInt64Timestamp")
              && request.getAsJsonObject("formatOptions").get("useInt64Timestamp").getAsBoolean();
      Http.respond(exchange, 200, response(project, id, answer, int64Timestamps));
    } else if (method.equals("POST") && rest.equals("/jobs")) {
      Http.respond(exchange, 200, finish(project, JsonParser.parseString(body).getAsJsonObject()));
    } else if (method.equals("GET") && rest.startsWith("/jobs/")) {
      JsonObject job = jobs.get(rest.substring(rest.lastIndexOf('/') + 1));
      Http.respond(
          exchange, job == null ? 404 : 200, job == null ? Http.error(404, "Not found: Job") : job);
    } else if (method.equals("GET") && rest.startsWith("/queries/")) {
      String id = rest.substring(rest.lastIndexOf('/') + 1);
      Answer answer = results.get(id);
      boolean int64Timestamps =
          query != null && query.contains("formatOptions.useInt64Timestamp=true");
      Http.respond(
          exchange,
          answer == null ? 404 : 200,
          answer == null
              ? Http.error(404, "Not found: Job")
              : response(project, id, answer, int64Timestamps));
    } else if (method.equals("GET") && rest.startsWith("/datasets/")) {
      Http.respond(exchange, 404, Http.error(404, "Not found: " + path));
    } else if (method.equals("POST") && rest.equals("/datasets")) {
      Http.respond(exchange, 200, JsonParser.parseString(body).getAsJsonObject());
    } else if (method.equals("POST") && rest.endsWith("/tables")) {
      JsonObject table = JsonParser.parseString(body).getAsJsonObject();
      table.addProperty("type", "TABLE");
      Http.respond(exchange, 200, table);
    } else {
      Http.respond(
          exchange, 400, Http.error(400, "the loopback does not answer " + method + " " + path));
    }
  }

  /** Answers a query request: jobs.query's body, or a query job's configuration. */
  private Answer run(JsonObject request) {
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
    return statements.answer(request.get("query").getAsString(), parameters);
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
   * A job as jobs.get shows it once done: the request's configuration, status DONE, statistics. A
   * query job is answered now; its rows wait for jobs.getQueryResults.
   */
  private JsonObject finish(String project, JsonObject request) {
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
    if (configuration.has("query")) {
      Answer answer = run(configuration.getAsJsonObject("query"));
      results.put(id, answer);
      JsonObject queryStatistics = new JsonObject();
      queryStatistics.addProperty("numDmlAffectedRows", Long.toString(answer.dmlAffectedRows()));
      statistics.add("query", queryStatistics);
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
  }
}

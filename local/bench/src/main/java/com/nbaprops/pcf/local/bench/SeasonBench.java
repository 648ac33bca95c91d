package com.nbaprops.pcf.local.bench;

import com.nbaprops.pcf.adapter.embedded.LocalEventBusFactory;
import com.nbaprops.pcf.adapter.embedded.PubSubCloudEvents;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.functions.compositefactors.CompositeFactorsFunction;
import com.nbaprops.pcf.functions.compositefactors.OnePassFactors;
import com.nbaprops.pcf.local.cloud.DeployJars;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.operations.Seeding;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.Folders;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.local.serve.FunctionHost;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.Row;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Measures the chain on the embedded default in a scratch folder of its own: the season through the
 * chain, one delivery at a time and several at once; the one-pass bound and the chain's ratio to
 * it; one date warm; each deploy jar's cold start under the invoker.
 */
public final class SeasonBench {
  private static final DateRange SEASON =
      new DateRange(LocalDate.of(2022, 10, 18), LocalDate.of(2023, 4, 9));
  private static final LocalDate ONE_DATE = LocalDate.of(2023, 2, 25);
  private static final LocalDate TODAY = LocalDate.of(2023, 4, 15);

  /** Who wrote a row and when: differs between any two runs. */
  private static final Set<String> RUN_COLUMNS = Set.of("run_id", "processed_at");

  /** Where {@code ./pipeline} says the functions' modules are, with their deploy jars. */
  private final PrintWriter out;

  private final int runs;
  private final int workers;
  private final String functionJvmOptions;

  /**
   * @param runs runs of each figure (after one warm-up run)
   * @param workers deliveries at once for the second run of the season
   * @param functionJvmOptions JAVA_TOOL_OPTIONS for the cold starts' functions
   */
  public SeasonBench(PrintWriter out, int runs, int workers, String functionJvmOptions) {
    if (runs < 1 || runs > 50) {
      throw new IllegalArgumentException("--runs must be between 1 and 50, got " + runs);
    }
    if (workers < 1 || workers > LocalEventBusFactory.MAX_WORKERS) {
      throw new IllegalArgumentException(
          "--workers must be between 1 and "
              + LocalEventBusFactory.MAX_WORKERS
              + ", got "
              + workers);
    }
    this.out = out;
    this.runs = runs;
    this.workers = workers;
    this.functionJvmOptions = functionJvmOptions;
  }

  /**
   * Runs every measurement; {@link ExitCodes#PROBLEM} when the rows differ or a figure is missing.
   */
  public int run() throws IOException, InterruptedException {
    Path scratch = Files.createTempDirectory("pcf-bench");
    boolean done = false;
    try {
      int code = measureAll(scratch);
      done = code == ExitCodes.OK;
      return code;
    } finally {
      if (done) {
        Folders.delete(scratch);
      } else {
        out.println("the bench's scratch folder is kept for a look: " + scratch);
      }
    }
  }

  private int measureAll(Path scratch) throws IOException, InterruptedException {
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    out.printf(
        "machine: %d cores, Java %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    Path template = scratch.resolve("template");
    try (LocalRuntime local = open(template)) {
      Seeding.seed(local, "2022-23", false, quiet);
    }
    // The per-date path (a message per date) and the chunked one (RANGE_CHUNK_DAYS dates a
    // message), each one delivery at a time and --workers at once; the rows must agree.
    Chain perDate = chain(template, scratch, 1, "a message per date", quiet);
    int chunkDays = PipelineConfig.DEFAULT_RANGE_CHUNK_DAYS;
    Chain chunked =
        chain(template, scratch, chunkDays, "in chunks of " + chunkDays + " dates", quiet);
    if (!chainsAgree(perDate, chunked) || !boundAgrees(template, scratch, perDate, chunked)) {
      return ExitCodes.PROBLEM;
    }
    oneDateWarm(template, scratch, quiet);
    // A figure asked for and not measured is a failed run, not a quiet gap.
    return coldStarts(scratch) ? ExitCodes.OK : ExitCodes.PROBLEM;
  }

  /** Whether the chunked chain wrote the per-date chain's rows; prints both rates. */
  private boolean chainsAgree(Chain perDate, Chain chunked) {
    boolean sameRows = perDate.rows().equals(chunked.rows());
    out.printf(
        "  chunked rows identical to the per-date rows: %s; per-date / chunked: %.1fx%n",
        sameRows ? "yes" : "NO", median(perDate.times()) / median(chunked.times()));
    if (!sameRows) {
      out.println("  the chunked and the per-date chains disagree");
      return false;
    }
    double chainSeconds = median(chunked.times()) / 1e9;
    int rows = chunked.rows().size();
    out.printf(
        "  %.1f dates/s, %.0f rows/s (%d rows)%n", 164 / chainSeconds, rows / chainSeconds, rows);
    return true;
  }

  /** The one-pass bound over the same inputs; whether it wrote the chain's rows. */
  private boolean boundAgrees(Path template, Path scratch, Chain perDate, Chain chunked)
      throws IOException, InterruptedException {
    List<Map<String, Object>> boundRows = new ArrayList<>();
    List<Long> bound = measure(() -> onePass(copy(template, scratch.resolve("bound")), boundRows));
    report("the one-pass bound (one read of the inputs, the same rules, one write)", bound);
    boolean identical = boundRows.equals(chunked.rows());
    out.printf(
        "  rows identical to the chain's: %s (%d rows); chunked chain / bound: %.1fx,"
            + " per-date chain / bound: %.1fx%n",
        identical ? "yes" : "NO",
        boundRows.size(),
        median(chunked.times()) / median(bound),
        median(perDate.times()) / median(bound));
    if (!identical) {
      out.println("  the one pass and the chain disagree: the bench's figures are not comparable");
    }
    return identical;
  }

  /** The one pass over the season in {@code home}: its time; its rows into {@code rows}. */
  private long onePass(Path home, List<Map<String, Object>> rows) {
    try (LocalRuntime local = open(home)) {
      var runtime = local.runtime();
      long started = System.nanoTime();
      new OnePassFactors(runtime.warehouse(), runtime.config())
          .appendSeason(SEASON, "bench-bound", runtime.clock().instant());
      long elapsed = System.nanoTime() - started;
      rows.clear();
      rows.addAll(factorRows(local));
      return elapsed;
    }
  }

  /** One date, already computed once: composite-factors alone, then the whole chain. */
  private void oneDateWarm(Path template, Path scratch, PrintWriter quiet)
      throws IOException, InterruptedException {
    Path warm = copy(template, scratch.resolve("warm"));
    try (LocalRuntime local = open(warm)) {
      new Backfill(local, quiet, Progress.none())
          .range(new DateRange(ONE_DATE, ONE_DATE), true, true);
      var runtime = local.runtime();
      // Alone: its message goes nowhere, so only composite-factors' own work is timed.
      var function =
          new CompositeFactorsFunction(runtime.withBus((topic, data, attributes) -> "bench"));
      report(
          "one date warm, composite-factors alone (" + ONE_DATE + ")",
          measure(
              () -> {
                long started = System.nanoTime();
                function.accept(
                    PubSubCloudEvents.messagePublished(
                        runtime.config().projectId(),
                        runtime.config().topic(Topic.COMPOSITE_FACTORS_REQUESTS),
                        "bench",
                        Long.toString(System.nanoTime()),
                        runtime.clock().instant(),
                        DateRequest.backfill(ONE_DATE, "bench").toJson(),
                        Map.of()));
                return System.nanoTime() - started;
              }));
      report(
          "one date warm, the whole chain",
          measure(
              () -> {
                long started = System.nanoTime();
                runtime
                    .publisher()
                    .publish(
                        Topic.COMPOSITE_FACTORS_REQUESTS,
                        DateRequest.backfill(ONE_DATE, "bench-chain").toJson(),
                        Attributes.of("bench-chain", ONE_DATE));
                return System.nanoTime() - started;
              }));
    }
  }

  /**
   * Each deploy jar under the invoker, against the warehouse the season's last chain run left:
   * process start to listening, and to the first successful answer to a real request.
   */
  private boolean coldStarts(Path scratch) throws IOException, InterruptedException {
    String invoker = System.getProperty(FunctionHost.INVOKER_JAR_PROPERTY);
    String functions = System.getProperty(DeployJars.FUNCTIONS_DIR_PROPERTY);
    if (invoker == null || functions == null) {
      out.println(
          "cold starts not measured: run through ./pipeline, which names the invoker and the"
              + " functions' folder");
      return false;
    }
    Path cold = Files.createDirectories(scratch.resolve("cold"));
    ColdStart coldStart =
        new ColdStart(
            Path.of(invoker),
            Path.of(functions),
            scratch.resolve("season").resolve("warehouse.duckdb"),
            cold,
            functionJvmOptions);
    Map<SuiteFunction, Path> jars = new EnumMap<>(SuiteFunction.class);
    try {
      for (SuiteFunction function : SuiteFunction.values()) {
        jars.put(function, coldStart.deployJar(function));
      }
    } catch (IllegalStateException e) {
      out.println("cold starts not measured: " + e.getMessage());
      return false;
    }
    if (!functionJvmOptions.isBlank()) {
      out.println("cold starts with JAVA_TOOL_OPTIONS=" + functionJvmOptions);
    }
    for (SuiteFunction function : SuiteFunction.values()) {
      List<Long> listening = new ArrayList<>();
      List<Long> answered = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        ColdStart.Start start = coldStart.measure(function);
        listening.add(start.listening());
        answered.add(start.firstResponse());
      }
      out.printf(
          "cold start, %s (deploy jar %.1f MB):%n",
          function.functionName(), Files.size(jars.get(function)) / 1e6);
      report("  process start to listening", listening);
      report("  process start to the first successful response", answered);
    }
    return true;
  }

  /**
   * Every composite-factors row but who wrote it and when, in one order: what the chain and the one
   * pass must agree on.
   */
  public static List<Map<String, Object>> factorRows(LocalRuntime local) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row :
        local
            .runtime()
            .warehouse()
            .query(
                local.sql(
                    "SELECT * FROM {player_composite_factors}"
                        + " ORDER BY game_date, player_lookup, game_id"))) {
      Map<String, Object> values = new TreeMap<>(row.values());
      values.keySet().removeAll(RUN_COLUMNS);
      rows.add(values);
    }
    return rows;
  }

  /** A way through the chain: its times with the most deliveries at once, and its rows. */
  private record Chain(List<Long> times, List<Map<String, Object>> rows) {}

  /** The season with {@code chunkDays} dates a message, one delivery at a time, then --workers. */
  private Chain chain(Path template, Path scratch, int chunkDays, String how, PrintWriter quiet) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Long> times = season(template, scratch, 1, chunkDays, rows, quiet);
    report(
        "season through the chain, "
            + how
            + ", one delivery at a time (164 game dates, 150 computed)",
        times);
    if (workers > 1) {
      times = season(template, scratch, workers, chunkDays, rows, quiet);
      report(
          "season through the chain, "
              + how
              + ", "
              + workers
              + " deliveries at once (BUS=local:"
              + workers
              + ")",
          times);
    }
    return new Chain(times, rows);
  }

  /**
   * The season through the chain, {@code workers} deliveries at once, {@code chunkDays} dates a
   * message; keeps the rows written.
   */
  private List<Long> season(
      Path template,
      Path scratch,
      int workers,
      int chunkDays,
      List<Map<String, Object>> rows,
      PrintWriter quiet) {
    return measure(
        () -> {
          Path home = copy(template, scratch.resolve("season"));
          try (LocalRuntime local = open(home, workers, chunkDays)) {
            long started = System.nanoTime();
            new Backfill(local, quiet, Progress.none()).range(SEASON, true, true);
            long elapsed = System.nanoTime() - started;
            rows.clear();
            rows.addAll(factorRows(local));
            return elapsed;
          }
        });
  }

  private LocalRuntime open(Path home) {
    return open(home, 1, PipelineConfig.DEFAULT_RANGE_CHUNK_DAYS);
  }

  private LocalRuntime open(Path home, int workers, int chunkDays) {
    return LocalRuntime.open(
        home,
        Map.of(
            "BUS",
            "local:" + workers,
            PipelineConfig.RANGE_CHUNK_DAYS,
            Integer.toString(chunkDays)),
        TODAY,
        (severity, message, labels) -> {});
  }

  private static Path copy(Path template, Path home) {
    try {
      Files.createDirectories(home);
      Files.copy(
          template.resolve("warehouse.duckdb"),
          home.resolve("warehouse.duckdb"),
          StandardCopyOption.REPLACE_EXISTING);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Long> measure(LongSupplier run) {
    List<Long> times = new ArrayList<>();
    long warmUp = run.getAsLong(); // the JIT and DuckDB's caches; not counted
    out.printf("  (warm-up run: %.3f s)%n", warmUp / 1e9);
    for (int i = 0; i < runs; i++) {
      times.add(run.getAsLong());
    }
    return times;
  }

  private void report(String what, List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    out.printf(
        "%s: min %.3f s, median %.3f s, max %.3f s over %d runs%n",
        what,
        sorted.get(0) / 1e9,
        median(nanos) / 1e9,
        sorted.get(sorted.size() - 1) / 1e9,
        nanos.size());
  }

  private static double median(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}

package com.nbaprops.pcf.config;

import com.nbaprops.pcf.message.ChunkRequest;
import com.nbaprops.pcf.sql.Identifiers;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Dataset;
import com.nbaprops.pcf.table.Tables;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything a function or the CLI is configured with, read from environment variables (the names
 * below) and validated at start-up, so a bad deployment fails on its first request with every
 * problem listed.
 */
public record PipelineConfig(
    String projectId,
    Catalog catalog,
    String topicPrefix,
    Thresholds thresholds,
    int maxRangeDays,
    int rangeChunkDays,
    ZoneId leagueTimeZone,
    String warehouse,
    String bus,
    String blobs,
    List<FeatureThreshold> featureThresholds,
    Map<DateInput, InputThreshold> inputThresholds,
    InputDue inputDue,
    int cleanupTtlDays,
    int largeDeletionRows,
    boolean autoHeal) {

  public static final String PROJECT_ID = "PROJECT_ID";
  public static final String ANALYTICS_DATASET = "ANALYTICS_DATASET";
  public static final String PRECOMPUTE_DATASET = "PRECOMPUTE_DATASET";
  public static final String ORCHESTRATION_DATASET = "ORCHESTRATION_DATASET";
  public static final String STAGING_DATASET = "STAGING_DATASET";
  public static final String TOPIC_PREFIX = "TOPIC_PREFIX";
  public static final String FALLBACK_THRESHOLD_PCT = "FALLBACK_THRESHOLD_PCT";
  public static final String COVERAGE_FAIL_PCT = "COVERAGE_FAIL_PCT";
  public static final String COVERAGE_WARN_PCT = "COVERAGE_WARN_PCT";
  public static final String BOOTSTRAP_DAYS = "BOOTSTRAP_DAYS";
  public static final String MAX_RANGE_DAYS = "MAX_RANGE_DAYS";

  /**
   * The game dates a range's fan-out puts in one message (1: one message per date, the per-date
   * path). Measured on the 2022-23 season: docs/performance.md, "The range in chunks".
   */
  public static final String RANGE_CHUNK_DAYS = "RANGE_CHUNK_DAYS";

  /** The chunk size when none is set. */
  public static final int DEFAULT_RANGE_CHUNK_DAYS = 40;

  public static final String LEAGUE_TIME_ZONE = "LEAGUE_TIME_ZONE";
  public static final String WAREHOUSE = "WAREHOUSE";
  public static final String BUS = "BUS";
  public static final String BLOBS = "BLOBS";
  public static final String FEATURE_THRESHOLDS = "FEATURE_THRESHOLDS";
  public static final String INPUT_THRESHOLDS = "INPUT_THRESHOLDS";
  public static final String INPUT_DUE = "INPUT_DUE";
  public static final String INPUT_DUE_GRACE_MINUTES = "INPUT_DUE_GRACE_MINUTES";
  public static final String CLEANUP_TTL_DAYS = "CLEANUP_TTL_DAYS";
  public static final String LARGE_DELETION_ROWS = "LARGE_DELETION_ROWS";
  public static final String AUTO_HEAL = "AUTO_HEAL";

  /** Every variable the suite reads; Terraform sets these on each function. */
  public static final List<String> VARIABLES =
      List.of(
          PROJECT_ID,
          ANALYTICS_DATASET,
          PRECOMPUTE_DATASET,
          ORCHESTRATION_DATASET,
          STAGING_DATASET,
          TOPIC_PREFIX,
          FALLBACK_THRESHOLD_PCT,
          COVERAGE_FAIL_PCT,
          COVERAGE_WARN_PCT,
          BOOTSTRAP_DAYS,
          MAX_RANGE_DAYS,
          RANGE_CHUNK_DAYS,
          LEAGUE_TIME_ZONE,
          WAREHOUSE,
          BUS,
          BLOBS,
          FEATURE_THRESHOLDS,
          INPUT_THRESHOLDS,
          INPUT_DUE,
          INPUT_DUE_GRACE_MINUTES,
          CLEANUP_TTL_DAYS,
          LARGE_DELETION_ROWS,
          AUTO_HEAL);

  private static final Pattern TOPIC_PREFIX_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,30}-|");
  private static final Pattern PROJECT_PATTERN = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");

  /** The prefixed topic name, e.g. {@code dev-composite-factors-requests}. */
  public String topic(Topic topic) {
    return topicPrefix + topic.baseName();
  }

  /**
   * Reads the configuration. Unset variables take the defaults of a laptop run: project {@code
   * local-project}, the embedded warehouse in {@code defaultHome}.
   */
  public static PipelineConfig fromEnvironment(Map<String, String> env, String defaultHome) {
    Reader reader = new Reader(env);
    String project = reader.text(PROJECT_ID, "local-project");
    if (!PROJECT_PATTERN.matcher(project).matches()) {
      reader.problems.add(PROJECT_ID + " '" + project + "' is not a valid Google Cloud project id");
    }
    Catalog catalog = catalog(reader);
    String prefix = reader.text(TOPIC_PREFIX, "");
    if (!TOPIC_PREFIX_PATTERN.matcher(prefix).matches()) {
      reader.problems.add(
          TOPIC_PREFIX
              + " '"
              + prefix
              + "' must be empty or lower-case letters, digits and '-', ending in '-'");
    }
    Thresholds thresholds = thresholds(reader);
    int maxRange = reader.integer(MAX_RANGE_DAYS, 400, 1, 3660);
    int chunkDays =
        reader.integer(RANGE_CHUNK_DAYS, DEFAULT_RANGE_CHUNK_DAYS, 1, ChunkRequest.MAX_DATES);
    ZoneId zone = reader.parse(LEAGUE_TIME_ZONE, "America/New_York", ZoneId::of);
    String warehouse = reader.text(WAREHOUSE, "duckdb:" + defaultHome + "/warehouse.duckdb");
    String bus = reader.text(BUS, "local");
    String blobs = reader.text(BLOBS, "local:" + defaultHome + "/gcs");
    reader.spec(WAREHOUSE, warehouse);
    reader.spec(BUS, bus);
    reader.spec(BLOBS, blobs);
    List<FeatureThreshold> features = features(reader);
    Map<DateInput, InputThreshold> inputs =
        reader.parse(INPUT_THRESHOLDS, DateInput.DEFAULTS, InputThreshold::parse);
    int grace = reader.integer(INPUT_DUE_GRACE_MINUTES, InputDue.DEFAULT_GRACE_MINUTES, 0, 12 * 60);
    InputDue due = reader.parse(INPUT_DUE, InputDue.DEFAULTS, text -> InputDue.parse(text, grace));
    int ttlDays = reader.integer(CLEANUP_TTL_DAYS, 7, 1, 3650);
    int largeDeletion = reader.integer(LARGE_DELETION_ROWS, 10_000, 1, Integer.MAX_VALUE);
    boolean autoHeal = reader.bool(AUTO_HEAL, false);
    if (!reader.problems.isEmpty()) {
      throw new ConfigException(
          "invalid configuration:\n  - " + String.join("\n  - ", reader.problems));
    }
    return new PipelineConfig(
        project,
        catalog,
        prefix,
        thresholds,
        maxRange,
        chunkDays,
        zone,
        warehouse,
        bus,
        blobs,
        features,
        inputs,
        due,
        ttlDays,
        largeDeletion,
        autoHeal);
  }

  /** The datasets' names, each a valid identifier; null (with the problems noted) otherwise. */
  private static Catalog catalog(Reader reader) {
    Map<Dataset, String> variables =
        Map.of(
            Dataset.ANALYTICS, ANALYTICS_DATASET,
            Dataset.PRECOMPUTE, PRECOMPUTE_DATASET,
            Dataset.ORCHESTRATION, ORCHESTRATION_DATASET,
            Dataset.STAGING, STAGING_DATASET);
    Map<Dataset, String> datasets = new EnumMap<>(Dataset.class);
    boolean valid = true;
    for (Dataset dataset : Dataset.values()) {
      String name = reader.text(variables.get(dataset), dataset.defaultName());
      datasets.put(dataset, name);
      try {
        Identifiers.check(name);
      } catch (IllegalArgumentException e) {
        valid = false;
        reader.problems.add(variables.get(dataset) + " is invalid: " + e.getMessage());
      }
    }
    return valid ? new Catalog(datasets) : null;
  }

  /** The coverage thresholds; the warn line must not be below the fail line. */
  private static Thresholds thresholds(Reader reader) {
    Thresholds defaults = Thresholds.DEFAULTS;
    double fallback = reader.percent(FALLBACK_THRESHOLD_PCT, defaults.fallbackPct());
    double fail = reader.percent(COVERAGE_FAIL_PCT, defaults.coverageFailPct());
    double warn = reader.percent(COVERAGE_WARN_PCT, defaults.coverageWarnPct());
    if (warn < fail) {
      reader.problems.add(
          COVERAGE_WARN_PCT
              + " ("
              + warn
              + ") must not be below "
              + COVERAGE_FAIL_PCT
              + " ("
              + fail
              + ")");
    }
    int bootstrap = reader.integer(BOOTSTRAP_DAYS, defaults.bootstrapDays(), 0, 60);
    return new Thresholds(fallback, fail, warn, bootstrap);
  }

  /** The feature thresholds, each naming a column of player_game_summary. */
  private static List<FeatureThreshold> features(Reader reader) {
    List<FeatureThreshold> features =
        reader.parse(FEATURE_THRESHOLDS, FeatureThreshold.DEFAULTS, FeatureThreshold::parse);
    for (FeatureThreshold feature : features) {
      if (Tables.PLAYER_GAME_SUMMARY.column(feature.column()).isEmpty()) {
        reader.problems.add(
            FEATURE_THRESHOLDS
                + " names '"
                + feature.column()
                + "', not a column of player_game_summary");
      }
    }
    return features;
  }

  /** Reads values and collects problems instead of stopping at the first. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String text(String name, String fallback) {
      String value = env.get(name);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    <T> T parse(String name, String fallback, Function<String, T> parser) {
      String value = text(name, fallback);
      try {
        return parser.apply(value);
      } catch (DateTimeException | IllegalArgumentException e) {
        problems.add(name + " '" + value + "' is invalid: " + e.getMessage());
        return parser.apply(fallback);
      }
    }

    double percent(String name, double fallback) {
      double value = parse(name, Double.toString(fallback), Double::parseDouble);
      if (!(value > 0 && value <= 100)) {
        problems.add(name + " must be a percentage in (0, 100], got " + value);
      }
      return value;
    }

    boolean bool(String name, boolean fallback) {
      String value = text(name, Boolean.toString(fallback));
      if (!value.equals("true") && !value.equals("false")) {
        problems.add(name + " must be true or false, got '" + value + "'");
        return fallback;
      }
      return Boolean.parseBoolean(value);
    }

    int integer(String name, int fallback, int min, int max) {
      int value = parse(name, Integer.toString(fallback), Integer::parseInt);
      if (value < min || value > max) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    }

    /**
     * The form only: which kinds exist depends on the adapters the deployment carries (see
     * Backends).
     */
    void spec(String name, String value) {
      try {
        BackendSpec.parse(name, value);
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      }
    }
  }
}

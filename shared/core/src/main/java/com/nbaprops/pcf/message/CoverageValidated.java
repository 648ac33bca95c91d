package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import java.time.LocalDate;
import java.util.Set;

/**
 * Published on {@code coverage-validated}: the verdict of one date.
 *
 * @param featureReport features under their threshold, e.g. "usage_rate 0.0% < 45.0% (warning)";
 *     null if none
 * @param reason why the verdict is what it is, in words
 */
public record CoverageValidated(
    String runId,
    LocalDate analysisDate,
    Verdict verdict,
    int expectedPlayers,
    int actualPlayers,
    DataSource dataSource,
    String featureReport,
    String reason)
    implements DateChunk.Item {

  private static final Set<String> FIELDS =
      Set.of(
          "run_id",
          "analysis_date",
          "verdict",
          "expected_players",
          "actual_players",
          "data_source",
          "feature_report",
          "reason");

  /**
   * Whether {@code fields} are meant as this message: they name a field only it has (a sweep
   * request never carries a date, a verdict or counts), so a verdict left out is reported as
   * missing rather than every other field as unknown.
   */
  public static boolean isMeant(JsonFields fields) {
    return FIELDS.stream().filter(field -> !field.equals("run_id")).anyMatch(fields::has);
  }

  public CoverageValidated {
    requireNonNull(runId, "runId");
    requireNonNull(analysisDate, "analysisDate");
    requireNonNull(verdict, "verdict");
  }

  public String toJson() {
    return toJsonObject().toString();
  }

  @Override
  public JsonObject toJsonObject() {
    JsonObject json = new JsonObject();
    json.addProperty("run_id", runId);
    json.addProperty("analysis_date", analysisDate.toString());
    json.addProperty("verdict", verdict.name());
    json.addProperty("expected_players", expectedPlayers);
    json.addProperty("actual_players", actualPlayers);
    json.addProperty("data_source", dataSource == null ? null : dataSource.name());
    json.addProperty("feature_report", featureReport);
    json.addProperty("reason", reason);
    return json;
  }

  public static CoverageValidated fromJson(String text) {
    return from(JsonFields.parse(text));
  }

  /** The message {@code fields} hold (parsed once by whoever received them). */
  public static CoverageValidated from(JsonFields fields) {
    fields.allowOnly(FIELDS);
    return new CoverageValidated(
        fields.requireRunId(),
        fields.requireDate("analysis_date"),
        fields.requireEnum("verdict", Verdict.class),
        fields.optionalCount("expected_players"),
        fields.optionalCount("actual_players"),
        fields.optionalEnum("data_source", DataSource.class).orElse(null),
        fields.optionalString("feature_report").orElse(null),
        fields.optionalString("reason").orElse(""));
  }
}

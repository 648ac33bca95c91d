package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Published on {@code coverage-validated} after a chunk of dates was checked: each date's verdict,
 * as a {@link CoverageValidated} gives it alone, so metadata-tracking writes the chunk's rows in
 * one go and still tracks every date on its own.
 */
public record ValidatedChunk(String runId, List<CoverageValidated> verdicts) {
  private static final Set<String> FIELDS = Set.of("run_id", "verdicts");

  public ValidatedChunk {
    requireNonNull(runId, "runId");
    verdicts = List.copyOf(verdicts);
    if (verdicts.isEmpty()) {
      throw new InvalidMessageException("a chunk's verdicts hold at least one date");
    }
    for (CoverageValidated verdict : verdicts) {
      if (!verdict.runId().equals(runId)) {
        throw new InvalidMessageException(
            "the verdict of " + verdict.analysisDate() + " belongs to another run than its chunk");
      }
    }
  }

  /** Every date a message on the topic holds: a chunk's, or the one of a single date's. */
  public static List<CoverageValidated> in(String json) {
    return isMeant(JsonFields.parse(json))
        ? fromJson(json).verdicts()
        : List.of(CoverageValidated.fromJson(json));
  }

  /** Whether {@code fields} are a chunk's, not one date's. */
  public static boolean isMeant(JsonFields fields) {
    return fields.has("verdicts");
  }

  public List<LocalDate> dates() {
    return verdicts.stream().map(CoverageValidated::analysisDate).toList();
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("run_id", runId);
    JsonArray array = new JsonArray();
    verdicts.forEach(verdict -> array.add(JsonFields.object(verdict.toJson())));
    json.add("verdicts", array);
    return json.toString();
  }

  public static ValidatedChunk fromJson(String text) {
    JsonFields fields = JsonFields.parse(text).allowOnly(FIELDS);
    return new ValidatedChunk(
        fields
            .optionalRunId()
            .orElseThrow(() -> new InvalidMessageException("missing required field 'run_id'")),
        fields.requireObjects("verdicts").stream().map(CoverageValidated::fromJson).toList());
  }
}

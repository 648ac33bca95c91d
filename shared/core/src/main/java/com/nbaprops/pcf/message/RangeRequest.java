package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.domain.DateRange;

/** Compute every game date of a range: pre-flight, then one {@link DateRequest} per game date. */
public record RangeRequest(DateRange range, boolean force, String runId)
    implements AnalysisRequest {
  public RangeRequest {
    requireNonNull(range, "range");
    requireNonNull(runId, "runId");
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("start_date", range.start().toString());
    json.addProperty("end_date", range.end().toString());
    json.addProperty("force", force);
    json.addProperty("run_id", runId);
    return json.toString();
  }
}

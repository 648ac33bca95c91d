package com.nbaprops.pcf.config;

import java.util.List;
import java.util.Locale;

/**
 * The four functions of the suite and the topics that connect them: the one catalog that logs,
 * failure rows, the local bus, serve and the Terraform contract derive their names and wiring from.
 */
@SuppressWarnings("ImmutableEnumChecker") // the topic lists are List.of, unmodifiable
public enum FunctionName {
  COMPOSITE_FACTORS(
      List.of(Topic.COMPOSITE_FACTORS_REQUESTS),
      // A range request fans out one request per date onto its own topic.
      List.of(Topic.COMPOSITE_FACTORS_REQUESTS, Topic.COMPOSITE_FACTORS_COMPUTED),
      false),
  COVERAGE_VALIDATION(
      List.of(Topic.COMPOSITE_FACTORS_COMPUTED), List.of(Topic.COVERAGE_VALIDATED), false),
  METADATA_TRACKING(
      List.of(Topic.COVERAGE_VALIDATED, Topic.METADATA_TRACKING_TRIGGER),
      // With AUTO_HEAL, the daily sweep requests the reprocessing of the dates it finds INCOMPLETE.
      List.of(Topic.COMPOSITE_FACTORS_REQUESTS),
      false),
  UPCOMING_TABLES_CLEANUP(
      List.of(Topic.UPCOMING_TABLES_CLEANUP_TRIGGER), List.of(Topic.UPCOMING_TABLES_CLEANED), true);

  private final List<Topic> triggers;
  private final List<Topic> publishes;
  private final boolean usesBlobs;

  FunctionName(List<Topic> triggers, List<Topic> publishes, boolean usesBlobs) {
    this.triggers = triggers;
    this.publishes = publishes;
    this.usesBlobs = usesBlobs;
  }

  /** The deployed name, e.g. {@code composite-factors}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The topics whose messages this function receives; the first is its own event trigger in the
   * cloud.
   */
  public List<Topic> triggers() {
    return triggers;
  }

  /** The topics this function publishes to; Terraform grants publisher on exactly these. */
  public List<Topic> publishes() {
    return publishes;
  }

  /** Whether it needs a bus: only a function that publishes opens one, and ships its adapter. */
  public boolean usesBus() {
    return !publishes.isEmpty();
  }

  /** Whether it needs the blob store: only the cleanup keeps backups. */
  public boolean usesBlobs() {
    return usesBlobs;
  }

  @Override
  public String toString() {
    return id();
  }
}

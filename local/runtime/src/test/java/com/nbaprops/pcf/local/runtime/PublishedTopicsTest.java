package com.nbaprops.pcf.local.runtime;

import static com.google.common.truth.Truth.assertThat;

import com.google.cloud.functions.CloudEventsFunction;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.table.Tables;
import com.nbaprops.pcf.testing.GoldenEvents;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each function really publishes is what it declares (and Terraform grants): each function
 * gets the messages that make it publish everything it can, over a bus that records the topics.
 */
class PublishedTopicsTest {
  @TempDir Path blobs;

  private Set<String> publishedBy(SuiteFunction served, String... messages) throws Exception {
    return publishedBy(served, Map.of(), messages);
  }

  private Set<String> publishedBy(SuiteFunction served, Map<String, String> env, String... messages)
      throws Exception {
    PipelineRuntime embedded = new RuntimeFixture(blobs, env).runtime();
    // One box score, so a range has a game date to fan out.
    embedded
        .warehouse()
        .append(
            Tables.PLAYER_GAME_SUMMARY,
            List.of(
                Row.builder()
                    .set("player_lookup", "nikolajokic")
                    .set("game_id", "20230221_DEN_CLE")
                    .set("game_date", LocalDate.of(2023, 2, 21))
                    .set("team_abbr", "DEN")
                    .set("opponent_team_abbr", "CLE")
                    .set("season_year", 2022L)
                    .set("home_game", false)
                    .set("win_flag", true)
                    .set("is_active", true)
                    .build()));
    Set<String> topics = new TreeSet<>();
    EventBus recording =
        (topic, data, attributes) -> {
          topics.add(topic);
          return "1";
        };
    PipelineRuntime runtime = embedded.withBus(recording);
    CloudEventsFunction function = served.create(runtime);
    for (String message : messages) {
      function.accept(GoldenEvents.request(message));
    }
    runtime.warehouse().close();
    return topics;
  }

  private static Set<String> declared(SuiteFunction served) {
    Set<String> topics = new TreeSet<>();
    served.publishes().forEach(topic -> topics.add(topic.baseName()));
    return topics;
  }

  @Test
  void compositeFactorsPublishesResultsAndItsFanOut() throws Exception {
    assertThat(
            publishedBy(
                SuiteFunction.COMPOSITE_FACTORS,
                "{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}",
                "{\"start_date\":\"2023-02-20\",\"end_date\":\"2023-02-23\",\"force\":true}"))
        .isEqualTo(declared(SuiteFunction.COMPOSITE_FACTORS));
  }

  @Test
  void coverageValidationPublishesVerdicts() throws Exception {
    assertThat(
            publishedBy(
                SuiteFunction.COVERAGE_VALIDATION,
                "{\"run_id\":\"r1\",\"analysis_date\":\"2023-02-23\",\"status\":\"COMPUTED\",\"upcoming_players\":0,"
                    + "\"expected_players\":0,\"players_written\":0,\"backfill_mode\":true,\"force\":false}"))
        .isEqualTo(declared(SuiteFunction.COVERAGE_VALIDATION));
  }

  @Test
  void metadataTrackingRequestsReprocessingOnlyWhenItsSweepAutoHeals() throws Exception {
    // The sweep of 2023-02-21 finds the date INCOMPLETE (one player, no factors).
    String sweep =
        "{\"start_date\":\"2023-02-21\",\"end_date\":\"2023-02-21\",\"flag_incomplete\":true}";

    assertThat(publishedBy(SuiteFunction.METADATA_TRACKING, Map.of("AUTO_HEAL", "true"), sweep))
        .isEqualTo(declared(SuiteFunction.METADATA_TRACKING));
    assertThat(publishedBy(SuiteFunction.METADATA_TRACKING, sweep)).isEmpty();
  }

  @Test
  void theCleanupPublishesItsSummary() throws Exception {
    assertThat(publishedBy(SuiteFunction.UPCOMING_TABLES_CLEANUP, "{\"trigger\":\"scheduled\"}"))
        .isEqualTo(declared(SuiteFunction.UPCOMING_TABLES_CLEANUP));
  }

  @Test
  void everyTopicIsPublishedOrTriggeredBySomeone() {
    Set<Topic> used = new TreeSet<>();
    for (SuiteFunction served : SuiteFunction.values()) {
      used.addAll(served.publishes());
      used.addAll(served.triggers());
    }
    assertThat(used).containsExactlyElementsIn(Arrays.asList(Topic.values()));
  }
}

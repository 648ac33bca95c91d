package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.config.Topic;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The Cloud Scheduler jobs as Terraform declares them ({@code terraform/scheduler.tf}, the defaults
 * of {@code var.schedules}): the key, the cron line, the topic and the message. A contract test
 * holds the two together.
 */
public enum ScheduledJob {
  CLEANUP(
      "upcoming-tables-cleanup",
      "0 4 * * *",
      Topic.UPCOMING_TABLES_CLEANUP_TRIGGER,
      "{\"trigger\":\"scheduled\"}",
      true),
  FACTORS(
      "composite-factors-daily",
      "30 5 * * *",
      Topic.COMPOSITE_FACTORS_REQUESTS,
      "{\"analysis_date\":\"AUTO\"}",
      true),
  SWEEP(
      "metadata-tracking-sweep",
      "0 7 * * *",
      Topic.METADATA_TRACKING_TRIGGER,
      "{\"days\":7,\"flag_incomplete\":true}",
      true),
  /** The freshness check after the night's box scores are due (02:00) plus the grace. */
  FRESHNESS_OVERNIGHT(
      "input-freshness-overnight",
      "30 2 * * *",
      Topic.METADATA_TRACKING_TRIGGER,
      "{\"freshness\":true}",
      true),
  /** The freshness check after a game day's morning inputs are due (10:00) plus the grace. */
  FRESHNESS_MORNING(
      "input-freshness-morning",
      "30 10 * * *",
      Topic.METADATA_TRACKING_TRIGGER,
      "{\"freshness\":true}",
      false);

  /** The jobs' time zone: {@code var.schedule_time_zone}. */
  public static final ZoneId TIME_ZONE = ZoneId.of("America/New_York");

  private final String terraformKey;
  private final String cron;
  private final Topic topic;
  private final String message;
  private final boolean looksAtTheDayBefore;

  /**
   * @param looksAtTheDayBefore whether its run of a morning is about the game day before (the
   *     night's box scores, yesterday's factors, the sweep up to yesterday) rather than the day
   *     itself (the morning's inputs)
   */
  ScheduledJob(
      String terraformKey, String cron, Topic topic, String message, boolean looksAtTheDayBefore) {
    this.terraformKey = terraformKey;
    this.cron = cron;
    this.topic = topic;
    this.message = message;
    this.looksAtTheDayBefore = looksAtTheDayBefore;
  }

  public String terraformKey() {
    return terraformKey;
  }

  public String cron() {
    return cron;
  }

  public Topic topic() {
    return topic;
  }

  public String message() {
    return message;
  }

  /**
   * The local time of day a daily cron line fires at. Only {@code M H * * *} is read: any other
   * form would fire on days this rehearsal does not model.
   */
  public LocalTime timeOfDay() {
    List<String> fields = List.of(cron.trim().split("\\s+", -1));
    if (fields.size() != 5 || !fields.subList(2, 5).equals(List.of("*", "*", "*"))) {
      throw new IllegalStateException(
          "the rehearsal models daily jobs only (M H * * *), not '" + cron + "' of " + this);
    }
    return LocalTime.of(Integer.parseInt(fields.get(1)), Integer.parseInt(fields.get(0)));
  }

  /**
   * When the job fires on {@code day}: Cloud Scheduler reads the time in its zone, so the job keeps
   * its local hour across daylight saving time (2023-03-12 is 23 hours long).
   */
  public ZonedDateTime firesOn(LocalDate day) {
    return ZonedDateTime.of(day, timeOfDay(), TIME_ZONE);
  }

  /** Whether its run of a morning is about the game day before. */
  public boolean looksAtTheDayBefore() {
    return looksAtTheDayBefore;
  }
}

# The daily jobs, in the league's time zone. Each publishes the message an operator would publish by hand.
locals {
  scheduled = {
    "upcoming-tables-cleanup" = {
      schedule = var.schedules.cleanup
      topic    = "upcoming-tables-cleanup-trigger"
      message  = { trigger = "scheduled" }
    }
    "composite-factors-daily" = {
      schedule = var.schedules.factors
      topic    = "composite-factors-requests"
      message  = { analysis_date = "AUTO" }
    }
    "metadata-tracking-sweep" = {
      schedule = var.schedules.metadata_sweep
      topic    = "metadata-tracking-trigger"
      message  = { days = var.schedules.sweep_days, flag_incomplete = true }
    }
    "input-freshness-overnight" = {
      schedule = var.schedules.freshness_overnight
      topic    = "metadata-tracking-trigger"
      message  = { freshness = true }
    }
    "input-freshness-morning" = {
      schedule = var.schedules.freshness_morning
      topic    = "metadata-tracking-trigger"
      message  = { freshness = true }
    }
  }
}

resource "google_cloud_scheduler_job" "daily" {
  for_each = local.scheduled

  name        = "${var.topic_prefix}pcf-${each.key}"
  region      = var.region
  schedule    = each.value.schedule
  time_zone   = var.schedule_time_zone
  description = "Publishes ${jsonencode(each.value.message)} to ${each.value.topic}"

  retry_config {
    retry_count          = 3
    min_backoff_duration = "30s"
    max_backoff_duration = "600s"
    max_doublings        = 3
  }

  pubsub_target {
    topic_name = google_pubsub_topic.chain[each.value.topic].id
    data       = base64encode(jsonencode(each.value.message))
  }

  depends_on = [time_sleep.iam_propagation]
}

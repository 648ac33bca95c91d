# Alerts. Each says what it means and what to do in docs/operations.md ("Alerts"). Every filter names this
# environment's own topics, subscriptions and services, so two environments in one project never share an alert.

locals {
  alert_title = var.topic_prefix == "" ? "PCF" : "PCF ${trimsuffix(var.topic_prefix, "-")}"
  # Monitoring's one_of() over this environment's dead-letter topics and Cloud Run services.
  dead_letter_topic_ids = join(", ", [for topic in google_pubsub_topic.dead_letter : "\"${topic.name}\""])
  function_services     = join(", ", [for name, _ in local.functions : "\"${var.topic_prefix}${name}\""])
  # Eventarc names a trigger's subscription eventarc-<region>-<trigger>-sub-<n>; a function's own trigger is named
  # after the function.
  trigger_subscriptions = join(" OR ", [
    for name, _ in local.functions :
    "resource.labels.subscription_id = starts_with(\"eventarc-${var.region}-${var.topic_prefix}${name}-\")"
  ])
}

resource "google_monitoring_alert_policy" "dead_letters" {
  display_name          = "${local.alert_title}: messages dead-lettered"
  combiner              = "OR"
  notification_channels = var.alert_notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "a message reached a dead-letter topic"
    condition_threshold {
      filter          = "resource.type = \"pubsub_topic\" AND metric.type = \"pubsub.googleapis.com/topic/send_message_operation_count\" AND resource.labels.topic_id = one_of(${local.dead_letter_topic_ids})"
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"

      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_SUM"
      }
    }
  }

  documentation {
    content   = "A function could not process a message after ${var.max_delivery_attempts} deliveries. See docs/operations.md, \"Alerts: messages dead-lettered\"."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "backlog" {
  display_name          = "${local.alert_title}: messages waiting too long"
  combiner              = "OR"
  notification_channels = var.alert_notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "oldest unacknowledged message older than 1 hour"
    condition_threshold {
      filter          = "resource.type = \"pubsub_subscription\" AND metric.type = \"pubsub.googleapis.com/subscription/oldest_unacked_message_age\" AND (${local.trigger_subscriptions})"
      comparison      = "COMPARISON_GT"
      threshold_value = 3600
      duration        = "300s"

      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }

  documentation {
    content   = "A trigger's subscription has a message older than an hour: a function is failing and retrying, or cannot scale. See docs/operations.md, \"Alerts: messages waiting too long\"."
    mime_type = "text/markdown"
  }
}

# The structured alerts the functions log, counted by log-based metrics.
resource "google_logging_metric" "alert" {
  for_each = toset(["coverage", "large_deletion"])

  name   = "${var.topic_prefix}pcf_alert_${each.value}"
  filter = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = one_of(${local.function_services}) AND labels.alert = \"${each.value}\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }

  depends_on = [google_project_service.required]
}

# A new log-based metric is not usable by an alert policy for a few minutes, and depends_on alone does not wait for
# that (hashicorp/terraform-provider-google#11102).
resource "time_sleep" "log_metrics" {
  create_duration = var.propagation_wait

  depends_on = [google_logging_metric.alert]
}

resource "google_monitoring_alert_policy" "logged" {
  for_each = google_logging_metric.alert

  depends_on = [time_sleep.log_metrics]

  display_name          = "${local.alert_title}: alert=${each.key}"
  combiner              = "OR"
  notification_channels = var.alert_notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "a function logged alert=${each.key}"
    condition_threshold {
      filter          = "resource.type = \"cloud_run_revision\" AND metric.type = \"logging.googleapis.com/user/${each.value.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"

      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_SUM"
      }
    }
  }

  documentation {
    content   = "See docs/operations.md, \"Alerts: alert=${each.key}\"."
    mime_type = "text/markdown"
  }
}

# Every date metadata-tracking settles, counted by its status (the date's log line carries labels.status and
# labels.coverage_pct): the dashboard's first chart.
resource "google_logging_metric" "date_status" {
  name   = "${var.topic_prefix}pcf_date_status"
  filter = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.topic_prefix}metadata-tracking\" AND labels.status:*"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key         = "status"
      value_type  = "STRING"
      description = "COMPLETE, LOW, INCOMPLETE, SKIPPED or OFF_DAY"
    }
  }

  label_extractors = {
    status = "EXTRACT(labels.status)"
  }

  depends_on = [google_project_service.required]
}

locals {
  # Each scheduled job's name (scheduler.tf), in the Logging query language (which has no one_of).
  scheduler_jobs = join(" OR ", [for name, _ in local.scheduled : "\"${var.topic_prefix}pcf-${name}\""])

  # The dashboard's charts: each a metric summed over a period, one series per label.
  dashboard_charts = [
    {
      title  = "Dates settled, by status"
      filter = "metric.type = \"logging.googleapis.com/user/${google_logging_metric.date_status.name}\" AND resource.type = \"cloud_run_revision\""
      period = "3600s", by = "metric.label.status", plot = "STACKED_BAR", x = 0, y = 0
    },
    {
      title  = "Function errors (responses other than 2xx)"
      filter = "metric.type = \"run.googleapis.com/request_count\" AND resource.type = \"cloud_run_revision\" AND resource.labels.service_name = one_of(${local.function_services}) AND metric.labels.response_code_class != \"2xx\""
      period = "300s", by = "resource.label.service_name", plot = "LINE", x = 0, y = 4
    },
    {
      title  = "Messages dead-lettered"
      filter = "metric.type = \"pubsub.googleapis.com/topic/send_message_operation_count\" AND resource.type = \"pubsub_topic\" AND resource.labels.topic_id = one_of(${local.dead_letter_topic_ids})"
      period = "3600s", by = "resource.label.topic_id", plot = "STACKED_BAR", x = 6, y = 4
    },
  ]

  # The dashboard's log panels: the lines themselves.
  dashboard_logs = [
    {
      title  = "Coverage per date (metadata-tracking's date lines)"
      filter = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.topic_prefix}metadata-tracking\" AND labels.status:* AND labels.coverage_pct:*"
      x      = 6, y = 0, width = 6
    },
    {
      title  = "Last runs of the daily jobs"
      filter = "resource.type = \"cloud_scheduler_job\" AND resource.labels.job_id = (${local.scheduler_jobs})"
      x      = 0, y = 8, width = 12
    },
  ]
}

# The on-call's page: what each date became, what failed, what was dead-lettered, when each daily job last ran.
# What each panel means: docs/operations.md, "Dashboard".
resource "google_monitoring_dashboard" "on_call" {
  dashboard_json = jsonencode({
    displayName = "${local.alert_title}: dates, errors, dead letters, daily jobs"
    mosaicLayout = {
      columns = 12
      tiles = concat(
        [for chart in local.dashboard_charts : {
          xPos = chart.x, yPos = chart.y, width = 6, height = 4
          widget = {
            title = chart.title
            xyChart = {
              dataSets = [{
                plotType = chart.plot
                timeSeriesQuery = {
                  timeSeriesFilter = {
                    filter = chart.filter
                    aggregation = {
                      alignmentPeriod    = chart.period
                      perSeriesAligner   = "ALIGN_SUM"
                      crossSeriesReducer = "REDUCE_SUM"
                      groupByFields      = [chart.by]
                    }
                  }
                }
              }]
            }
          }
        }],
        [for panel in local.dashboard_logs : {
          xPos = panel.x, yPos = panel.y, width = panel.width, height = 4
          widget = {
            title     = panel.title
            logsPanel = { filter = panel.filter, resourceNames = ["projects/${var.project_id}"] }
          }
        }],
      )
    }
  })
}

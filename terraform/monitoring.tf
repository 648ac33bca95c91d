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

# Alerts. Each says what it means and what to do in docs/operations.md ("Alerts").

resource "google_monitoring_alert_policy" "dead_letters" {
  display_name          = "PCF: messages dead-lettered"
  combiner              = "OR"
  notification_channels = var.alert_notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "a message reached a dead-letter topic"
    condition_threshold {
      filter          = "resource.type = \"pubsub_topic\" AND metric.type = \"pubsub.googleapis.com/topic/send_message_operation_count\" AND resource.labels.topic_id = ends_with(\"-dead-letter\")"
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
  display_name          = "PCF: messages waiting too long"
  combiner              = "OR"
  notification_channels = var.alert_notification_channels
  user_labels           = local.labels

  conditions {
    display_name = "oldest unacknowledged message older than 1 hour"
    condition_threshold {
      filter          = "resource.type = \"pubsub_subscription\" AND metric.type = \"pubsub.googleapis.com/subscription/oldest_unacked_message_age\" AND resource.labels.subscription_id = starts_with(\"eventarc-${var.region}-${var.topic_prefix}\")"
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
  filter = "resource.type = \"cloud_run_revision\" AND labels.alert = \"${each.value}\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

resource "google_monitoring_alert_policy" "logged" {
  for_each = google_logging_metric.alert

  # A policy on a log-based metric is refused until the metric exists; say so even where the filter below
  # would not make Terraform infer it.
  depends_on = [google_logging_metric.alert]

  display_name          = "PCF: alert=${each.key}"
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

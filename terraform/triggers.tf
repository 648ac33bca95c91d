# Why Eventarc rather than push subscriptions of our own: a Pub/Sub push carries the message in Pub/Sub's envelope
# without CloudEvent headers, and the Java Functions Framework serves a CloudEventsFunction only CloudEvents
# (functions-framework-java issue 375), so every message would fail. Eventarc does the conversion. The catch:
# Terraform cannot set a dead-letter policy on a subscription Eventarc created, so
# scripts/attach-dead-letter-policies.sh (run by Cloud Build right after apply, and safe to re-run) sets it, for the
# triggers listed in the output "triggers".

# A function's further triggers (metadata-tracking's sweep topic): Eventarc triggers to the function's service.
resource "google_eventarc_trigger" "extra" {
  for_each = local.extra_triggers

  name            = "${var.topic_prefix}${each.key}"
  location        = var.region
  service_account = data.google_service_account.trigger.email
  labels          = local.labels

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.pubsub.topic.v1.messagePublished"
  }

  transport {
    pubsub {
      topic = google_pubsub_topic.chain[each.value.topic].id
    }
  }

  destination {
    cloud_run_service {
      # Eventarc wants the Cloud Run service's name; the function reports its full resource path
      # (projects/P/locations/R/services/NAME), so take the last segment.
      service = reverse(split("/", google_cloudfunctions2_function.function[each.value.function].service_config[0].service))[0]
      region  = var.region
    }
  }

  depends_on = [time_sleep.iam_propagation, time_sleep.invoker_propagation]
}

# One Eventarc trigger per (function, topic). Eventarc owns the Pub/Sub subscription behind each trigger and pushes
# each message to the function as a CloudEvent, with an OIDC token of the trigger account and Pub/Sub's exponential
# retry backoff.
#
# Why not our own push subscriptions: a Pub/Sub push carries the message in Pub/Sub's envelope without CloudEvent
# headers, and the Java Functions Framework answers a CloudEventsFunction only for CloudEvents (functions-framework-java
# issue 375), so the message would fail every time. Eventarc does the conversion. The catch: Terraform cannot set a
# dead-letter policy on a subscription Eventarc created, so scripts/attach-dead-letter-policies.sh (run by Cloud
# Build right after apply, and safe to re-run) sets it from the output "trigger_subscriptions".
resource "google_eventarc_trigger" "function" {
  for_each = local.triggers

  name            = "${var.topic_prefix}${each.key}"
  location        = var.region
  service_account = google_service_account.trigger.email
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
      service = google_cloudfunctions2_function.function[each.value.function].service_config[0].service
      region  = var.region
    }
  }

  depends_on = [google_project_iam_member.trigger_event_receiver]
}

# Dead-lettering needs the Pub/Sub service agent to be a subscriber of the source subscription.
resource "google_pubsub_subscription_iam_member" "dead_letter_subscriber" {
  for_each = local.triggers

  subscription = google_eventarc_trigger.function[each.key].transport[0].pubsub[0].subscription
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_service_agent
}

# The topics of the chain. Eventarc creates the subscription of each trigger (triggers.tf); dead-letter topics and
# their subscriptions are ours.

resource "google_pubsub_topic" "chain" {
  for_each = toset(local.topics)

  name                       = "${var.topic_prefix}${each.value}"
  labels                     = local.labels
  message_retention_duration = "604800s"

  depends_on = [google_project_service.required]
}

# One dead-letter topic per consuming function, so a poisoned message says which function could not take it.
resource "google_pubsub_topic" "dead_letter" {
  for_each = local.functions

  name                       = "${var.topic_prefix}${each.key}-dead-letter"
  labels                     = local.labels
  message_retention_duration = "604800s"

  depends_on = [google_project_service.required]
}

# Holds dead-lettered messages for 7 days so an operator can read them and publish them again.
resource "google_pubsub_subscription" "dead_letter" {
  for_each = local.functions

  name                       = "${var.topic_prefix}${each.key}-dead-letter"
  topic                      = google_pubsub_topic.dead_letter[each.key].id
  labels                     = local.labels
  ack_deadline_seconds       = 60
  message_retention_duration = "604800s"
  retain_acked_messages      = false

  expiration_policy {
    ttl = ""
  }
}

locals {
  pubsub_service_agent = google_project_service_identity.agent["pubsub.googleapis.com"].member
}

# Dead-lettering: the Pub/Sub service agent publishes to the dead-letter topic, and acknowledges on the source
# subscription (granted on each Eventarc subscription by scripts/attach-dead-letter-policies.sh).
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  for_each = local.functions

  topic  = google_pubsub_topic.dead_letter[each.key].id
  role   = "roles/pubsub.publisher"
  member = local.pubsub_service_agent

  depends_on = [time_sleep.service_agents]
}

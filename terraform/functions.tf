# The four gen2 functions. Each is reached only through its Eventarc triggers: internal ingress, no public invoker,
# its own service account. The event trigger matters beyond delivery: it makes Cloud Functions run the code as a
# CloudEvent function. Deployed as an HTTP function, the Java Functions Framework would refuse the classes, which
# implement CloudEventsFunction, not HttpFunction.
resource "google_cloudfunctions2_function" "function" {
  for_each = local.functions

  name        = "${var.topic_prefix}${each.key}"
  location    = var.region
  description = "Player composite factors: ${each.key}"
  labels      = local.labels

  build_config {
    # java17 is deprecated on Cloud Run functions in October 2027; java25 is supported until October 2031. The
    # bytecode is built with --release 17 and runs unchanged on it (the bench measures cold starts on Java 25).
    runtime     = "java25"
    entry_point = each.value.entry_point
    # Built by an account of our own with only what a build needs, not the project's default Cloud Build
    # account, which new projects no longer create with broad rights.
    service_account = data.google_service_account.build.id

    source {
      storage_source {
        bucket = google_storage_bucket.sources.name
        object = google_storage_bucket_object.function_source[each.key].name
      }
    }
  }

  service_config {
    available_memory                 = var.functions[each.key].memory
    timeout_seconds                  = var.functions[each.key].timeout_seconds
    min_instance_count               = 0
    max_instance_count               = var.functions[each.key].max_instance_count
    max_instance_request_concurrency = 1
    ingress_settings                 = "ALLOW_INTERNAL_ONLY"
    all_traffic_on_latest_revision   = true
    service_account_email            = data.google_service_account.function[each.key].email
    environment_variables            = local.function_environment
  }

  # Eventarc's subscription pushes each message as a CloudEvent with an OIDC token of the trigger account, and
  # redelivers with exponential backoff while the function fails.
  event_trigger {
    trigger_region        = var.region
    event_type            = "google.cloud.pubsub.topic.v1.messagePublished"
    pubsub_topic          = google_pubsub_topic.chain[each.value.triggers[0]].id
    retry_policy          = "RETRY_POLICY_RETRY"
    service_account_email = data.google_service_account.trigger.email
  }

  # The build account's grants, and every grant of the chain, must be visible before the first build and trigger.
  depends_on = [time_sleep.iam_propagation]
}

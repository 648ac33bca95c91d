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
      service = local.service_names[each.value.function]
      region  = var.region
    }
  }

  depends_on = [time_sleep.iam_propagation, time_sleep.invoker_propagation]
}

# An upstream table written: BigQuery logs a Data Access audit entry (BigQueryAuditMetadata's tableDataChange, its
# resourceName the table) for each job that changes a table's data, and these triggers deliver it to metadata-tracking,
# which requests every date the write makes computable (Landings.java). One trigger per upstream table and per job
# method (jobs.insert, and jobs.query for the short queries clients send that way): an Eventarc filter matches one
# value per attribute. Audit-log events come minutes after the write (docs/operations.md); the 05:30 run and the 07:00
# sweep stay as the backstop. BigQuery writes its Data Access entries whatever the project's audit configuration says
# (Cloud Audit Logs: BigQuery's are on by default), so none is declared here: an audit config resource is authoritative
# for the service and would overwrite one the project already has.
locals {
  # Eventarc wants a Cloud Run service's name; a function reports its full resource path
  # (projects/P/locations/R/services/NAME), so take the last segment.
  service_names = {
    for name, function in google_cloudfunctions2_function.function :
    name => reverse(split("/", function.service_config[0].service))[0]
  }

  upstream_tables = {
    player_game_summary          = var.analytics_dataset
    team_offense_game_summary    = var.analytics_dataset
    upcoming_player_game_context = var.analytics_dataset
    upcoming_team_game_context   = var.analytics_dataset
    player_shot_zone_analysis    = var.precompute_dataset
    team_defense_zone_analysis   = var.precompute_dataset
  }
  job_methods = {
    insert = "google.cloud.bigquery.v2.JobService.InsertJob"
    query  = "google.cloud.bigquery.v2.JobService.Query"
  }
  table_written_triggers = var.recompute_on_landing ? {
    for pair in setproduct(keys(local.upstream_tables), keys(local.job_methods)) :
    "${replace(pair[0], "_", "-")}--${pair[1]}" => {
      resource = "projects/${var.project_id}/datasets/${local.upstream_tables[pair[0]]}/tables/${pair[0]}"
      method   = local.job_methods[pair[1]]
    }
  } : {}
}

resource "google_eventarc_trigger" "table_written" {
  for_each = local.table_written_triggers

  name            = "${var.topic_prefix}pcf-written--${each.key}"
  location        = var.region
  service_account = data.google_service_account.trigger.email
  labels          = local.labels

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.audit.log.v1.written"
  }
  matching_criteria {
    attribute = "serviceName"
    value     = "bigquery.googleapis.com"
  }
  matching_criteria {
    attribute = "methodName"
    value     = each.value.method
  }
  matching_criteria {
    attribute = "resourceName"
    value     = each.value.resource
  }

  destination {
    cloud_run_service {
      service = local.service_names["metadata-tracking"]
      region  = var.region
    }
  }

  depends_on = [time_sleep.iam_propagation, time_sleep.invoker_propagation]
}

# An audit-log trigger's account must be allowed to receive events (Eventarc's "Roles and permissions for Cloud Run
# targets"): the Pub/Sub triggers above need no such role.
resource "google_project_iam_member" "trigger_event_receiver" {
  count = var.recompute_on_landing ? 1 : 0

  project = var.project_id
  role    = "roles/eventarc.eventReceiver"
  member  = data.google_service_account.trigger.member
}

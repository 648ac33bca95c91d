output "functions" {
  description = "Each function's Cloud Run service URI (internal ingress only)."
  value       = { for name, function in google_cloudfunctions2_function.function : name => function.service_config[0].uri }
}

output "topics" {
  description = "The topics of the chain, by base name."
  value       = { for name, topic in google_pubsub_topic.chain : name => topic.id }
}

output "dead_letter_topics" {
  description = "Dead-letter topic of each function."
  value       = { for name, topic in google_pubsub_topic.dead_letter : name => topic.id }
}

output "triggers" {
  description = "Every Eventarc trigger, with the dead-letter topic of its function; read by scripts/attach-dead-letter-policies.sh."
  value = merge(
    {
      for name, function in google_cloudfunctions2_function.function : "${name}--${local.functions[name].triggers[0]}" => {
        trigger           = function.event_trigger[0].trigger
        dead_letter_topic = google_pubsub_topic.dead_letter[name].id
      }
    },
    {
      for key, trigger in google_eventarc_trigger.extra : key => {
        trigger           = trigger.id
        dead_letter_topic = google_pubsub_topic.dead_letter[local.extra_triggers[key].function].id
      }
    },
  )
}

output "pubsub_service_agent" {
  description = "The Pub/Sub service agent, which dead-letters messages (it must subscribe to each trigger's subscription)."
  value       = local.pubsub_service_agent
}

output "max_delivery_attempts" {
  description = "Deliveries before a message is dead-lettered."
  value       = var.max_delivery_attempts
}

output "backup_bucket" {
  description = "Bucket of the cleanup backups."
  value       = google_storage_bucket.backups.name
}

output "service_accounts" {
  description = "Service account of each function."
  value       = { for name, account in data.google_service_account.function : name => account.email }
}

# Cleanup backups: newline-delimited JSON, one object per table, game date and run. A retention policy keeps every
# backup for backup_retention_days (nobody can delete it sooner, by mistake or otherwise); the lifecycle then
# removes it.
resource "google_storage_bucket" "backups" {
  name                        = "${var.project_id}-${var.topic_prefix}pcf-backups"
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = local.labels

  retention_policy {
    retention_period = var.backup_retention_days * 86400
  }

  lifecycle_rule {
    condition {
      age = var.backup_retention_days + 1
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.required]
}

# The functions' deployable zips, one object per function and content, so a new build redeploys.
resource "google_storage_bucket" "sources" {
  name                        = "${var.project_id}-${var.topic_prefix}pcf-function-sources"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = local.labels

  versioning {
    enabled = true
  }

  # A replaced zip is kept a while for a rollback, then goes; so do the zips each build leaves under builds/.
  lifecycle_rule {
    condition {
      num_newer_versions = 5
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.source_retention_days
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      age            = var.source_retention_days
      matches_prefix = ["builds/"]
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.required]
}

resource "google_storage_bucket_object" "function_source" {
  for_each = local.functions

  name   = "functions/${each.key}-${filemd5("${var.artifacts_dir}/${each.key}.zip")}.zip"
  bucket = google_storage_bucket.sources.name
  source = "${var.artifacts_dir}/${each.key}.zip"

  # The name carries the content's hash, so new code is a new object. Where the zip is read from is not part of
  # the object: a plan from another folder must not replace every function's source.
  lifecycle {
    ignore_changes = [source]
  }
}

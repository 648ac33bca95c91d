# Applied once per project by an administrator, before the first build: the identities and roles of the builds and of
# the suite, the build buckets, and the triggers. The suite's own configuration (../) is then applied by the deploy
# trigger only, and can neither create an identity nor widen a role: what it may do is decided here.
#
#   cd terraform/bootstrap
#   terraform init -backend-config="bucket=<project>-tfstate" -backend-config="prefix=pcf/bootstrap"
#   terraform apply -var=project_id=<project> -var=github_owner=<owner> -var=github_repo=<repo> \
#     -var=state_bucket=<project>-tfstate -var=approvers=<group email>
#
# Trust is split. Every branch's build (cloudbuild.yaml) runs as pcf-ci: it tests, packages and plans, reads resource
# metadata and the state, no table's rows, writes no log entry, and leaves the plan and the zips as the build's
# artifacts. A person of the approvers group reads that plan, then approves main's deploy build, which runs as
# pcf-deployer the steps written here (not in the repository) and applies exactly that saved plan.
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.10"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }

  backend "gcs" {}
}

provider "google" {
  project = var.project_id
  region  = var.region
}

variable "project_id" {
  description = "Google Cloud project that runs the suite."
  type        = string
}

variable "region" {
  description = "Region of the Cloud Build triggers."
  type        = string
  default     = "us-east1"
}

variable "github_owner" {
  description = "Owner of the GitHub repository connected to Cloud Build."
  type        = string
}

variable "github_repo" {
  description = "Name of the GitHub repository connected to Cloud Build."
  type        = string
}

variable "state_bucket" {
  description = "Bucket of the Terraform state (created once, versioned)."
  type        = string
}

variable "approvers" {
  description = "The group whose members approve deploy builds (roles/cloudbuild.builds.approver), e.g. pcf-approvers@example.com. Nobody else can let a deploy build run."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.approvers))
    error_message = "approvers must be a group's email address."
  }
}

variable "environments" {
  description = "Per environment: the folder of its state in the bucket, its tfvars file (relative to terraform/) and its topic_prefix (as in that file)."
  type = map(object({
    state_prefix = string
    vars_file    = string
    topic_prefix = string
  }))
  default = {
    prod = { state_prefix = "pcf/prod", vars_file = "environments/prod.tfvars", topic_prefix = "" }
  }

  validation {
    condition     = alltrue([for env in values(var.environments) : can(regex("^pcf/[a-z0-9-]+$", env.state_prefix)) && env.state_prefix != "pcf/bootstrap"])
    error_message = "state_prefix must be pcf/<name>, and not the bootstrap's own pcf/bootstrap."
  }
}

variable "deploy_branch" {
  description = "The one branch whose builds deploy. Written into the deploy build's steps, not a substitution: a manual run cannot change it."
  type        = string
  default     = "main"
}

locals {
  # The accounts the suite runs as, per environment: one per function (terraform/locals.tf, functions[*].account),
  # the Eventarc triggers' and the functions' builds'. Created here, so the deployer needs no right to create an
  # account, and may act as these and no other.
  runtime_accounts = ["factors", "coverage", "metadata", "cleanup", "eventarc", "build"]
  runtime = merge([
    for env, settings in var.environments : {
      for account in local.runtime_accounts : "${env}/${account}" => "pcf-${settings.topic_prefix}${account}"
    }
  ]...)

  # The buckets the suite creates (terraform/storage.tf), per environment: the deployer administers these only.
  suite_buckets = flatten([
    for env in values(var.environments) : [
      "${var.project_id}-${env.topic_prefix}pcf-backups",
      "${var.project_id}-${env.topic_prefix}pcf-function-sources",
    ]
  ])
  source_buckets = [for env in values(var.environments) : "${var.project_id}-${env.topic_prefix}pcf-function-sources"]
  # IAM conditions that hold for these buckets and their objects only.
  only_buckets = {
    for set, buckets in { sources = local.source_buckets, suite = local.suite_buckets } : set => join(" || ", [
      for bucket in buckets : "resource.name == \"projects/_/buckets/${bucket}\" || resource.name.startsWith(\"projects/_/buckets/${bucket}/\")"
    ])
  }

  # What the plan of every branch reads, per resource type of ../: metadata and IAM policies, never a table's rows,
  # an object's contents (but the function zips'), or a log entry.
  plan_reads = {
    google_bigquery_dataset                = ["bigquery.datasets.get"]
    google_bigquery_dataset_access         = ["bigquery.datasets.get"]
    google_bigquery_table                  = ["bigquery.tables.get"]
    google_bigquery_table_iam_member       = ["bigquery.tables.getIamPolicy"]
    google_cloud_run_v2_service_iam_member = ["run.services.get", "run.services.getIamPolicy"]
    google_cloud_scheduler_job             = ["cloudscheduler.jobs.get"]
    google_cloudfunctions2_function        = ["cloudfunctions.functions.get"]
    google_eventarc_trigger                = ["eventarc.triggers.get"]
    google_logging_metric                  = ["logging.logMetrics.get"]
    google_monitoring_alert_policy         = ["monitoring.alertPolicies.get"]
    google_monitoring_dashboard            = ["monitoring.dashboards.get"]
    google_project                         = ["resourcemanager.projects.get"]
    google_project_iam_member              = ["resourcemanager.projects.getIamPolicy"]
    google_project_service                 = ["serviceusage.services.get", "serviceusage.services.list"]
    google_project_service_identity        = ["serviceusage.services.get"]
    google_pubsub_subscription             = ["pubsub.subscriptions.get"]
    google_pubsub_topic                    = ["pubsub.topics.get"]
    google_pubsub_topic_iam_member         = ["pubsub.topics.getIamPolicy"]
    google_service_account                 = ["iam.serviceAccounts.get"]
    google_service_account_iam_member      = ["iam.serviceAccounts.getIamPolicy"]
    google_storage_bucket                  = ["storage.buckets.get"]
    google_storage_bucket_iam_member       = ["storage.buckets.getIamPolicy"]
    # The zips' metadata: storage.objects.get on the sources buckets only (google_project_iam_member.ci_sources).
    google_storage_bucket_object = []
    time_sleep                   = []
  }

  # The only roles the suite grants on the project (../iam.tf); the deployer may grant or revoke these and no other.
  suite_project_roles = [
    "roles/artifactregistry.writer",
    "roles/bigquery.jobUser",
    "roles/eventarc.eventReceiver",
    "roles/logging.logWriter",
    "roles/storage.objectViewer",
  ]

  # What applying ../ needs besides the conditioned grants below. No admin role of a service the suite does not use,
  # none over accounts, storage or IAM as a whole.
  deployer_roles = [
    "roles/bigquery.dataOwner",
    "roles/cloudbuild.builds.viewer",
    "roles/cloudfunctions.developer",
    "roles/cloudscheduler.admin",
    "roles/eventarc.admin",
    "roles/logging.configWriter",
    "roles/logging.logWriter",
    "roles/monitoring.alertPolicyEditor",
    "roles/monitoring.dashboardEditor",
    "roles/pubsub.admin",
    "roles/run.admin",
    "roles/serviceusage.serviceUsageAdmin",
  ]

  # The deploy build, step by step (google_cloudbuild_trigger.deploy). Images pinned by digest where they run
  # Terraform; the gcloud image by version.
  terraform_image = "hashicorp/terraform:1.9.8@sha256:18f9986038bbaf02cf49db9c09261c778161c51dcc7fb7e355ae8938459428cd"
  gcloud_image    = "gcr.io/google.com/cloudsdktool/google-cloud-cli:499.0.0-slim"
}

# A new project has almost nothing enabled, yet the bootstrap creates accounts, project grants and Cloud Build
# triggers, and the suite's first plan reads the project (data.google_project) before its own apis.tf could enable
# anything. Enabled here, then a wait: an API just enabled refuses calls for a minute or so. Service Usage, which
# enables the others, is on in every new project.
resource "google_project_service" "bootstrap" {
  for_each = toset([
    "cloudbuild.googleapis.com",
    "cloudresourcemanager.googleapis.com",
    "iam.googleapis.com",
    "serviceusage.googleapis.com",
    "storage.googleapis.com",
  ])

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

resource "time_sleep" "apis" {
  create_duration = "90s"

  depends_on = [google_project_service.bootstrap]
}

resource "google_service_account" "ci" {
  account_id   = "pcf-ci"
  display_name = "PCF builds of every branch: test, package and plan, read-only"

  depends_on = [time_sleep.apis]
}

resource "google_service_account" "deployer" {
  account_id   = "pcf-deployer"
  display_name = "PCF builds of main: apply the reviewed plan, after approval"

  depends_on = [time_sleep.apis]
}

resource "google_service_account" "runtime" {
  for_each = local.runtime

  account_id   = each.value
  display_name = "PCF ${each.key}"

  depends_on = [time_sleep.apis]
}

# A new account reaches IAM a little after it is created: a grant that names it at once can fail with "does not
# exist". Every grant below to an account created here waits for this.
resource "time_sleep" "accounts" {
  create_duration = "60s"

  depends_on = [google_service_account.ci, google_service_account.deployer, google_service_account.runtime]
}

# Custom roles, owned here: the deployer can grant them on tables but never edit them.
resource "google_project_iam_custom_role" "plan_reader" {
  role_id     = "pcfPlanReader"
  title       = "PCF plan reader"
  description = "Reads what a plan of the suite refreshes: resource metadata and IAM policies, no data."
  permissions = sort(distinct(flatten(values(local.plan_reads))))

  depends_on = [time_sleep.apis]
}

# Every table a function edits is granted this: read and change its rows (DML), never its schema, metadata or
# existence. The functions never load into a table itself (a load needs bigquery.tables.update), only into staging
# tables of their own dataset.
resource "google_project_iam_custom_role" "table_rows" {
  role_id     = "pcfTableRows"
  title       = "PCF table rows"
  description = "Read and change a table's rows; never alter or delete the table."
  permissions = ["bigquery.tables.get", "bigquery.tables.getData", "bigquery.tables.updateData"]

  depends_on = [time_sleep.apis]
}

# Creating a bucket is checked on the project, before the bucket has a name IAM could match; what the deployer may
# do inside a bucket is granted per name (deployer_suite_buckets).
resource "google_project_iam_custom_role" "bucket_creator" {
  role_id     = "pcfBucketCreator"
  title       = "PCF bucket creator"
  description = "Create buckets; nothing inside them."
  permissions = ["storage.buckets.create"]

  depends_on = [time_sleep.apis]
}

resource "google_project_iam_member" "ci" {
  project = var.project_id
  role    = google_project_iam_custom_role.plan_reader.id
  member  = google_service_account.ci.member

  depends_on = [time_sleep.accounts]
}

# The plan refreshes the function zips' objects: their metadata, in the sources buckets only (the backup bucket
# holds rows).
resource "google_project_iam_member" "ci_sources" {
  project = var.project_id
  role    = "roles/storage.objectViewer"
  member  = google_service_account.ci.member

  condition {
    title       = "suite-sources-only"
    description = "The suite's function-sources buckets."
    expression  = local.only_buckets.sources
  }

  depends_on = [time_sleep.accounts]
}

resource "google_project_iam_member" "deployer" {
  for_each = toset(local.deployer_roles)

  project = var.project_id
  role    = each.value
  member  = google_service_account.deployer.member

  depends_on = [time_sleep.accounts]
}

resource "google_project_iam_member" "deployer_bucket_creator" {
  project = var.project_id
  role    = google_project_iam_custom_role.bucket_creator.id
  member  = google_service_account.deployer.member

  depends_on = [time_sleep.accounts]
}

# Project IAM, limited to the roles the suite grants (Google's "Set limits on granting roles"): the deployer cannot
# grant itself or anyone Owner, Editor, Service Account User or any role outside this list.
resource "google_project_iam_member" "deployer_project_iam" {
  project = var.project_id
  role    = "roles/resourcemanager.projectIamAdmin"
  member  = google_service_account.deployer.member

  condition {
    title       = "suite-roles-only"
    description = "Grant and revoke only the roles the suite grants on the project."
    expression  = "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly([${join(", ", [for role in local.suite_project_roles : "'${role}'"])}])"
  }

  depends_on = [time_sleep.accounts]
}

# Storage administration of the suite's own buckets, by name: not the state bucket, not the build buckets.
resource "google_project_iam_member" "deployer_suite_buckets" {
  project = var.project_id
  role    = "roles/storage.admin"
  member  = google_service_account.deployer.member

  condition {
    title       = "suite-buckets-only"
    description = "The buckets the suite creates, and their objects."
    expression  = local.only_buckets.suite
  }

  depends_on = [time_sleep.accounts]
}

# Act as the suite's accounts, and no other (deploying a function, a trigger or a build as an account needs it).
resource "google_service_account_iam_member" "deployer_acts_as" {
  for_each = google_service_account.runtime

  service_account_id = each.value.name
  role               = "roles/iam.serviceAccountUser"
  member             = google_service_account.deployer.member

  depends_on = [time_sleep.accounts]
}

# The suite lets the Pub/Sub service agent sign tokens as the Eventarc account (../iam.tf): a policy on that one
# account.
resource "google_service_account_iam_member" "deployer_administers_eventarc" {
  for_each = { for key, account in google_service_account.runtime : key => account if endswith(key, "/eventarc") }

  service_account_id = each.value.name
  role               = "roles/iam.serviceAccountAdmin"
  member             = google_service_account.deployer.member

  depends_on = [time_sleep.accounts]
}

# A deploy build waits for an approval: granted to a group, so approving is a membership an Owner can review, not a
# role handed to people one by one.
resource "google_project_iam_member" "approvers" {
  project = var.project_id
  role    = "roles/cloudbuild.builds.approver"
  member  = "group:${var.approvers}"

  depends_on = [time_sleep.apis]
}

# The state: every plan reads it; the deployer writes its environments' folders only, never the bootstrap's. Listing
# the bucket is granted on the bucket itself (the backend lists a folder's states).
resource "google_storage_bucket_iam_member" "ci_state" {
  bucket = var.state_bucket
  role   = "roles/storage.objectViewer"
  member = google_service_account.ci.member

  depends_on = [time_sleep.accounts]
}

resource "google_storage_bucket_iam_member" "deployer_state" {
  bucket = var.state_bucket
  role   = "roles/storage.objectUser"
  member = google_service_account.deployer.member

  condition {
    title       = "suite-state-only"
    description = "The bucket itself (to list) and the suite's environments' folders."
    expression  = join(" || ", concat(["resource.type == \"storage.googleapis.com/Bucket\""], [for env in values(var.environments) : "resource.name.startsWith(\"projects/_/buckets/${var.state_bucket}/objects/${env.state_prefix}/\")"]))
  }

  depends_on = [time_sleep.accounts]
}

# What every branch's build leaves: its logs (a user-specified account logs to Cloud Logging or to a bucket of
# ours; pcf-ci writes no log entry, so it cannot forge an alert=) and its artifacts, the plan and the zips, under
# <state prefix>/<commit>/<build id>/. Kept 90 days.
resource "google_storage_bucket" "builds" {
  for_each = toset(["logs", "artifacts"])

  name                        = "${var.project_id}-pcf-build-${each.key}"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  lifecycle_rule {
    condition {
      age = 90
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [time_sleep.apis]
}

# Cloud Build writes a build's log object as the build runs.
resource "google_storage_bucket_iam_member" "ci_logs" {
  bucket = google_storage_bucket.builds["logs"].name
  role   = "roles/storage.objectAdmin"
  member = google_service_account.ci.member

  depends_on = [time_sleep.accounts]
}

# Create only: an artifact written once cannot be replaced (that needs storage.objects.delete), and the deploy reads
# the artifacts of one build it names by id.
resource "google_storage_bucket_iam_member" "ci_artifacts" {
  bucket = google_storage_bucket.builds["artifacts"].name
  role   = "roles/storage.objectCreator"
  member = google_service_account.ci.member

  depends_on = [time_sleep.accounts]
}

resource "google_storage_bucket_iam_member" "deployer_artifacts" {
  bucket = google_storage_bucket.builds["artifacts"].name
  role   = "roles/storage.objectViewer"
  member = google_service_account.deployer.member

  depends_on = [time_sleep.accounts]
}

# The approvers read the plan they approve, and the log of the build that made it.
resource "google_storage_bucket_iam_member" "approvers_read" {
  for_each = google_storage_bucket.builds

  bucket = each.value.name
  role   = "roles/storage.objectViewer"
  member = "group:${var.approvers}"
}

resource "google_cloudbuild_trigger" "ci" {
  for_each = var.environments

  name            = "pcf-${each.key}-test-and-plan"
  location        = var.region
  description     = "Every branch: test, package, plan (read-only); the plan and the zips as artifacts."
  filename        = "cloudbuild.yaml"
  service_account = google_service_account.ci.id

  github {
    owner = var.github_owner
    name  = var.github_repo
    push {
      branch = ".*"
    }
  }

  substitutions = {
    _TF_STATE_BUCKET = var.state_bucket
    _TF_STATE_PREFIX = each.value.state_prefix
    _TF_VARS_FILE    = each.value.vars_file
    _LOGS_BUCKET     = google_storage_bucket.builds["logs"].name
    _ARTIFACTS       = google_storage_bucket.builds["artifacts"].name
  }

  depends_on = [time_sleep.apis]
}

# main's deploy: the steps live here, not in the repository, so no branch can change what runs as pcf-deployer, and
# the branch it deploys is a literal, not a substitution a manual run could override. It finds the successful
# build of the same commit on the same branch by the test-and-plan trigger, copies that build's plan, zips and
# provider lock file, and applies exactly that plan: no test, no package manager, no new plan. A plan made stale by
# another apply since is refused by Terraform ("Saved plan is stale"): push again, or re-run that trigger.
resource "google_cloudbuild_trigger" "deploy" {
  for_each = var.environments

  name            = "pcf-${each.key}-deploy"
  location        = var.region
  description     = "${var.deploy_branch} only, after approval: apply the plan of the test-and-plan build of the same commit, then the dead-letter policies."
  service_account = google_service_account.deployer.id

  github {
    owner = var.github_owner
    name  = var.github_repo
    push {
      branch = "^${var.deploy_branch}$"
    }
  }

  approval_config {
    approval_required = true
  }

  build {
    timeout = "3600s"

    options {
      logging = "CLOUD_LOGGING_ONLY"
    }

    step {
      id         = "reviewed-plan"
      name       = local.gcloud_image
      entrypoint = "bash"
      args = ["-ceu", <<-EOT
        if [ "$BRANCH_NAME" != "${var.deploy_branch}" ]; then
          echo "branch '$BRANCH_NAME' is not ${var.deploy_branch}: this build only deploys ${var.deploy_branch}" >&2
          exit 1
        fi
        planned=$$(gcloud builds list --region=${var.region} --limit=1 --format='value(id)' \
          --filter='buildTriggerId=${google_cloudbuild_trigger.ci[each.key].trigger_id} AND substitutions.COMMIT_SHA=$COMMIT_SHA AND substitutions.BRANCH_NAME=${var.deploy_branch} AND status=SUCCESS')
        if [ -z "$$planned" ]; then
          echo "no successful test-and-plan build of $COMMIT_SHA on ${var.deploy_branch}: nothing reviewed to apply" >&2
          exit 1
        fi
        echo "applying the plan of build $$planned"
        mkdir -p /workspace/build/functions
        gcloud storage cp "gs://${google_storage_bucket.builds["artifacts"].name}/${each.value.state_prefix}/$COMMIT_SHA/$$planned/*" /workspace/build/
        mv /workspace/build/*.zip /workspace/build/functions/
        cp /workspace/build/terraform.lock.hcl terraform/.terraform.lock.hcl
      EOT
      ]
    }

    step {
      id         = "apply-reviewed-plan"
      name       = local.terraform_image
      dir        = "terraform"
      entrypoint = "sh"
      args = ["-ceu", <<-EOT
        terraform init -input=false -lockfile=readonly -backend-config=bucket=${var.state_bucket} -backend-config=prefix=${each.value.state_prefix}
        terraform apply -input=false /workspace/build/tfplan
        terraform output -json > /workspace/build/tf-outputs.json
      EOT
      ]
    }

    # Terraform cannot own the subscriptions Eventarc creates: set their dead-letter policies, then fail the build
    # if any subscription of the chain is without one (a trigger Terraform re-created starts without it).
    step {
      id         = "dead-letter-policies"
      name       = local.gcloud_image
      entrypoint = "bash"
      args = ["-ceu", <<-EOT
        scripts/attach-dead-letter-policies.sh /workspace/build/tf-outputs.json
        scripts/check-dead-letter-policies.sh /workspace/build/tf-outputs.json
      EOT
      ]
    }
  }

  depends_on = [time_sleep.apis]
}

output "runtime_accounts" {
  description = "The accounts the suite runs as, per environment and account; the suite's plan reads them."
  value       = { for key, account in google_service_account.runtime : key => account.email }
}

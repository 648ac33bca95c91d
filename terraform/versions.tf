terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.10"
    }
  }

  # State lives in a bucket you create once; pass it at init:
  #   terraform init -backend-config="bucket=<project>-tfstate" -backend-config="prefix=pcf"
  backend "gcs" {}
}

provider "google" {
  project = var.project_id
  region  = var.region
}

data "google_project" "this" {
  project_id = var.project_id
}

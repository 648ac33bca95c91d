#!/usr/bin/env bash
# Sets the dead-letter policy and retry backoff on the subscriptions Eventarc created for the functions' triggers
# (Terraform cannot: Eventarc owns them). Reads `terraform output -json` from the file given, or from terraform.
# Safe to run again: it sets the same values.
# Usage: scripts/attach-dead-letter-policies.sh [outputs.json]
set -euo pipefail
outputs="${1:-}"
if [ -z "$outputs" ]; then
  outputs="$(mktemp)"
  terraform -chdir="$(dirname "$0")/../terraform" output -json > "$outputs"
fi

attempts="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["max_delivery_attempts"]["value"])' "$outputs")"
python3 -c '
import json, sys
for key, t in sorted(json.load(open(sys.argv[1]))["trigger_subscriptions"]["value"].items()):
    print(t["subscription"], t["dead_letter_topic"])
' "$outputs" | while read -r subscription dead_letter_topic; do
  echo "dead-letter policy: $subscription -> $dead_letter_topic after $attempts attempts"
  gcloud pubsub subscriptions update "$subscription" \
    --dead-letter-topic="$dead_letter_topic" \
    --max-delivery-attempts="$attempts" \
    --min-retry-delay=10s \
    --max-retry-delay=600s
done

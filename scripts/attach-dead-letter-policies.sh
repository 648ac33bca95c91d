#!/usr/bin/env bash
# Sets the dead-letter policy and retry backoff on the subscription behind each Eventarc trigger of the functions,
# and lets the Pub/Sub service agent subscribe to it (dead-lettering needs both). Terraform cannot: Eventarc owns
# those subscriptions. Reads `terraform output -json` from the file given, or from terraform. Safe to run again.
# Usage: scripts/attach-dead-letter-policies.sh [outputs.json]
set -euo pipefail
outputs="${1:-}"
if [ -z "$outputs" ]; then
  outputs="$(mktemp)"
  terraform -chdir="$(dirname "$0")/../terraform" output -json > "$outputs"
fi

value() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["value"])' "$outputs" "$1"
}
attempts="$(value max_delivery_attempts)"
agent="$(value pubsub_service_agent)"

python3 -c '
import json, sys
for key, t in sorted(json.load(open(sys.argv[1]))["triggers"]["value"].items()):
    print(t["trigger"], t["dead_letter_topic"])
' "$outputs" | while read -r trigger dead_letter_topic; do
  subscription="$(gcloud eventarc triggers describe "$trigger" --format='value(transport.pubsub.subscription)')"
  echo "$trigger: $subscription -> $dead_letter_topic after $attempts attempts"
  gcloud pubsub subscriptions add-iam-policy-binding "$subscription" \
    --member="$agent" --role=roles/pubsub.subscriber --quiet > /dev/null
  gcloud pubsub subscriptions update "$subscription" \
    --dead-letter-topic="$dead_letter_topic" \
    --max-delivery-attempts="$attempts" \
    --min-retry-delay=10s \
    --max-retry-delay=600s
done

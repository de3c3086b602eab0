#!/usr/bin/env bash
# Posts a website/product signal to the activity webhook, signed with Standard Webhooks.
# Usage: scripts/post-signal.sh EMAIL TYPE [webhook-id]
#   TYPE: page_view, pricing_page_view, content_download, webinar_attended, demo_requested, product_signup, meeting_booked
# Env:   ORCH_URL (default http://localhost:7070), WEBHOOK_SECRET_ACTIVITY (default: the sandbox development secret)
set -euo pipefail
email="${1:?email}"; type="${2:?type}"
id="${3:-sig_$(date +%s%N)}"
url="${ORCH_URL:-http://localhost:7070}"
secret="${WEBHOOK_SECRET_ACTIVITY:-whsec_ZGV2LW9ubHktZm9ybS1zZWNyZXQtY2hhbmdlLW1l}"
ts="$(date +%s)"
body="$(printf '{"id":"%s","type":"%s","email":"%s","occurredAt":"%s","url":"https://example.com/%s"}' \
  "$id" "$type" "$email" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$type")"
key_hex="$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')"
sig="$(printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64)"
curl -sS -i -X POST "$url/webhooks/activity" \
  -H 'Content-Type: application/json' \
  -H "webhook-id: $id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$sig" \
  --data-binary "$body"
echo

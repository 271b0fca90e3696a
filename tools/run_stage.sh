#!/usr/bin/env bash
# Run one `make test` stage: announce it, run it, and append "<stage> <passed|FAILED> <seconds>" to $STAGE_TIMINGS.
set -euo pipefail
stage=$1
shift
echo "==> $stage"
start=$SECONDS
status=passed
"$@" || status=FAILED
line=$(printf '%-16s %-7s %5d' "$stage" "$status" $((SECONDS - start)))
echo "<== $line s"
if [ -n "${STAGE_TIMINGS:-}" ]; then echo "$line" >>"$STAGE_TIMINGS"; fi
[ "$status" = passed ]

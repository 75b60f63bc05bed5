#!/usr/bin/env bash
# scripts/docker-check.sh: build the cxq image and drive it the way CI does, against a sandbox
# over --network host: validate, plan --format markdown, plan --out, apply --plan into a checkout
# owned by ANOTHER uid than the image's `node` (1000), drift, --version; reports must carry the
# commit although the image has no git. Every container runs --read-only --cap-drop ALL.
#
# Usage, from anywhere: scripts/docker-check.sh        (needs docker and git on the host)
#   CXQ_CHECK_UID   uid:gid the checkout belongs to and the job runs as (default 1001:1001, the
#                   uid of GitHub-hosted runners)
#   CXQ_IMAGE       image tag to build and test (default cxq)
# Exit 0 when every check passed; the first failing check stops it with its output.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
IMAGE=${CXQ_IMAGE:-cxq}
RUNNER=${CXQ_CHECK_UID:-1001:1001}
RUNNER_GID=${RUNNER#*:}
TIER1=3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11
SANDBOX="cxq-check-sandbox-$$"
work=$(mktemp -d "${TMPDIR:-/tmp}/cxq-docker-check.XXXXXX")

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
# Files below $work end up owned by $RUNNER; a root container removes them whoever runs this.
cleanup() {
  docker rm -f "$SANDBOX" >/dev/null 2>&1 || true
  docker run --rm --network none --user 0:0 -v "$work:/w" --entrypoint rm "$IMAGE" -rf /w/ws /w/secret >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- build --------------------------------------------------------------------------------------
base=$(grep -m1 -Eo '^FROM node:[^$ ]+' Dockerfile | cut -d' ' -f2)
pin=$(grep -m1 -Eo '^ARG BASE_DIGEST=@sha256:[0-9a-f]{64}' Dockerfile | cut -d@ -f2)
build_args=()
# The pinned digest is used whenever it can be: present locally, or pullable. Only a local
# stand-in of the base (made here without a registry, so it has no RepoDigest at all) is built
# on by tag, and this says so.
if ! docker image inspect "$base@$pin" >/dev/null 2>&1 \
  && [ "$(docker image inspect --format '{{len .RepoDigests}}' "$base" 2>/dev/null || echo none)" = 0 ]; then
  echo "note: $base here is a local stand-in ($(docker image inspect --format '{{.Id}}' "$base")) with no registry digest;"
  echo "      building on it by tag instead of the pinned $pin (see docs/ci/docker.md)"
  build_args=(--build-arg BASE_DIGEST=)
fi
step "docker build --network host ${build_args[*]} -t $IMAGE ."
start=$(date +%s)
docker build --network host "${build_args[@]}" -t "$IMAGE" . >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "docker build"; }
echo "built $IMAGE in $(( $(date +%s) - start )) s: $(docker image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"

# --- a checkout owned by the runner's uid, as actions/checkout leaves it -------------------------
step "checkout: a git repository owned by $RUNNER (not the image's 1000), refs packed, no git in the image"
mkdir -p "$work/ws"
cp -r queues schemas "$work/ws/"
git -C "$work/ws" init -q -b main
git -C "$work/ws" add -A
git -C "$work/ws" -c user.name=cxq-check -c user.email=check@localhost commit -qm seed
sed -i 's/^maxWaitTime: 300$/maxWaitTime: 420/' "$work/ws/queues/support/tier1.yaml"
git -C "$work/ws" -c user.name=cxq-check -c user.email=check@localhost commit -qam 'tier1: wait up to 420 s'
git -C "$work/ws" pack-refs --all
sha=$(git -C "$work/ws" rev-parse HEAD)
docker run --rm --network none --user 0:0 -v "$work:/w" --entrypoint sh "$IMAGE" -c \
  "chown -R $RUNNER /w/ws && printf sandbox > /w/secret && chown 0:$RUNNER_GID /w/secret && chmod 0440 /w/secret"
echo "HEAD $sha; $(stat -c 'ws owner %u:%g' "$work/ws"); $(stat -c 'secret %a %u:%g' "$work/secret")"

# --- the sandbox, from the same image, seeded with the definitions before the change ------------
step "sandbox: docker run -d --network host $IMAGE sandbox --port 0 --seed queues"
docker run -d --name "$SANDBOX" --network host --read-only --cap-drop ALL -v "$PWD/queues:/work/queues:ro" \
  "$IMAGE" sandbox --port 0 --seed queues >/dev/null
url=''
for _ in $(seq 100); do
  url=$(docker logs "$SANDBOX" 2>/dev/null | grep -Eo 'http://127\.0\.0\.1:[0-9]+' | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { docker logs "$SANDBOX"; fail "the sandbox did not start"; }
docker logs "$SANDBOX"

# cxq as a CI job runs it: the runner's uid, the checkout at /work, the secret in a read-only file
# the job's group may read (mode 0440 root:$RUNNER_GID), never in the environment.
cxq() {
  docker run --rm --network host --read-only --cap-drop ALL --security-opt no-new-privileges "$@"
}
job=(--user "$RUNNER" -v "$work/ws:/work" -v "$work/secret:/run/secrets/cxone:ro"
  -e CXONE_BASE_URL="$url" -e CXONE_CLIENT_ID=sandbox -e CXONE_CLIENT_SECRET_FILE=/run/secrets/cxone)
expect_code() { # expected-code label command...
  local want=$1 label=$2 code=0
  shift 2
  "$@" >"$work/out" 2>"$work/err" || code=$?
  cat "$work/out"
  [ -s "$work/err" ] && sed 's/^/  stderr: /' "$work/err"
  [ "$code" = "$want" ] || fail "$label: exit $code, wanted $want"
  echo "-> exit $code (as expected)"
}
json_field() { grep -Eo "\"$1\": *\"?[^\",]*" "$2" | head -1 | sed -E 's/.*: *"?//'; }

step "cxq --version"
expect_code 0 version cxq "$IMAGE" --version

step "cxq validate --dir queues --format github"
expect_code 0 validate cxq "${job[@]}" "$IMAGE" validate --dir queues --format github

step "cxq plan --dir queues --format markdown --detailed-exitcode"
expect_code 2 "plan markdown" cxq "${job[@]}" "$IMAGE" plan --dir queues --format markdown --detailed-exitcode
grep -q 'Support Tier 1' "$work/out" || fail "the markdown plan does not name the changed queue"

step "cxq plan --dir queues --out plan.json"
expect_code 0 "plan --out" cxq "${job[@]}" "$IMAGE" --log-level warn plan --dir queues --out plan.json
[ "$(json_field gitCommit "$work/ws/plan.json")" = "$sha" ] || fail "plan.json gitCommit is not $sha"
echo "plan.json: gitCommit $sha, owner $(stat -c %u:%g "$work/ws/plan.json")"

step "cxq drift before the apply (the definitions differ from the tenant)"
expect_code 2 "drift before" cxq "${job[@]}" "$IMAGE" --log-level warn drift --dir queues --report drift-before.json
grep -q '"drifted": 1' "$work/ws/drift-before.json" || fail "drift-before.json does not hold 1 drifted queue"
echo "drift-before.json: 1 drifted (Support Tier 1 maxWaitTime 300 -> 420)"

step "without --user, the image's default user (uid 1000) may not read the job's secret file: refused"
no_user=("${job[@]:2}")
expect_code 1 "secret as node" cxq "${no_user[@]}" "$IMAGE" plan --dir queues
grep -qF 'cannot read CXONE_CLIENT_SECRET_FILE /run/secrets/cxone (EACCES)' "$work/err" || fail "the secret refusal is not named"

step "without --user, uid 1000 may not write cxq-reports in the $RUNNER checkout: apply refused, nothing sent"
no_user_inline=(-v "$work/ws:/work" -e CXONE_BASE_URL="$url" -e CXONE_CLIENT_ID=sandbox -e CXONE_CLIENT_SECRET=sandbox)
expect_code 1 "apply as node" cxq "${no_user_inline[@]}" "$IMAGE" --log-level warn apply --plan plan.json --yes
grep -qF -- '--user "$(id -u):$(id -g)"' "$work/err" || fail "the refusal does not give the --user fix"
grep -qF -- '--report FILE' "$work/err" || fail "the refusal does not name --report"

step "cxq apply --plan plan.json --yes --user $RUNNER (the fix)"
expect_code 0 "apply --plan" cxq "${job[@]}" "$IMAGE" --log-level warn apply --plan plan.json --yes --report cxq-reports/apply.json
report="$work/ws/cxq-reports/apply.json"
[ "$(json_field gitCommit "$report")" = "$sha" ] || fail "the apply report's gitCommit is not $sha"
[ "$(json_field applied "$report")" = 1 ] || fail "the apply report does not say 1 applied"
echo "report: gitCommit $sha, $(ls "$work/ws/cxq-reports" | tr '\n' ' ')owner $(stat -c %u:%g "$report")"

step "cxq drift after the apply (in sync)"
expect_code 0 "drift after" cxq "${job[@]}" "$IMAGE" --log-level warn drift --dir queues --report drift.json
grep -q '"inSync": true' "$work/ws/drift.json" || fail "drift.json is not in sync"
echo "drift.json: in sync"

step "cxq apply --dir queues: no changes; provenance read from /work/.git (packed refs) with no git binary"
expect_code 0 "apply --dir" cxq "${job[@]}" "$IMAGE" --log-level warn apply --dir queues --yes --report cxq-reports/noop.json
[ "$(json_field gitCommit "$work/ws/cxq-reports/noop.json")" = "$sha" ] || fail "the --dir report's gitCommit is not $sha"
echo "noop report: gitCommit $sha"

step "CXQ_GIT_COMMIT wins over .git"
override=$(printf 'c%.0s' $(seq 40))
expect_code 0 "plan override" cxq "${job[@]}" -e CXQ_GIT_COMMIT="$override" "$IMAGE" --log-level warn plan --dir queues --out plan-override.json
[ "$(json_field gitCommit "$work/ws/plan-override.json")" = "$override" ] || fail "CXQ_GIT_COMMIT was not used"
echo "plan-override.json: gitCommit $override"

step "sandbox: docker stop"
start=$(date +%s%N)
docker stop "$SANDBOX" >/dev/null
echo "stopped in $(( ($(date +%s%N) - start) / 1000000 )) ms, exit $(docker inspect --format '{{.State.ExitCode}}' "$SANDBOX")"

printf '\nPASS: scripts/docker-check.sh (%s, checkout %s, sandbox %s)\n' "$IMAGE" "$RUNNER" "$url"

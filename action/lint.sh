#!/usr/bin/env bash
# The GitHub Action's step (action.yml): runs the rsp-lint bundle of the action's own checkout on
# the workspace, writes the step outputs and a summary, and exits with rsp-lint's status.
# Inputs come as INPUT_* environment variables (never pasted into this script).
set -uo pipefail

cli="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}/dist/rsp-lint.js"
out="${GITHUB_OUTPUT:-/dev/null}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
fail() { echo "::error title=rsp-lint::$1"; printf '### rsp-lint\n\n%s\n' "$1" >> "$summary"; echo "exit-code=2" >> "$out"; exit 2; }

[ -f "$cli" ] || fail "this version of the action has no built CLI (dist/rsp-lint.js): use a release tag such as rsp-tools/rsp-lint@v0.1.0, not a branch"
command -v node >/dev/null || fail "node is not on PATH: keep the node-version input (default 20) or set up Node.js 20 or later"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] 2>/dev/null || fail "rsp-lint needs Node.js 20 or later, the runner has $(node --version)"

format="${INPUT_FORMAT:-github}"
case "$format" in stylish|github|json|sarif) ;; *) fail "unknown format '$format': use github, stylish, json or sarif";; esac

read -r -d '' -a paths <<< "${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
opts=()
[ -n "${INPUT_TODAY:-}" ] && opts+=(--today "$INPUT_TODAY")
[ "${INPUT_ALLOW_EMPTY:-false}" = true ] && opts+=(--allow-empty)
lint_opts=("${opts[@]}")
[ -n "${INPUT_MAX_WARNINGS:-}" ] && lint_opts+=(--max-warnings "$INPUT_MAX_WARNINGS")

# The findings, for the counts (the log shows them in the chosen format below).
json=$(mktemp)
trap 'rm -f "$json"' EXIT
node "$cli" --format json "${opts[@]}" -- "${paths[@]}" > "$json" 2>/dev/null

node "$cli" --format "$format" "${lint_opts[@]}" -- "${paths[@]}"
code=$?

if [ "${INPUT_SARIF:-false}" = true ]; then
  sarif_file="${INPUT_SARIF_FILE:-rsp-lint.sarif}"
  node "$cli" --format sarif "${opts[@]}" -- "${paths[@]}" > "$sarif_file" 2>/dev/null
  [ -s "$sarif_file" ] && echo "sarif-file=$sarif_file" >> "$out"
fi

# Counts only: the summary never repeats document text (messages name ids and values from the files).
read -r errors warnings files < <(node -e '
  const fs = require("fs");
  let f = []; try { f = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch {}
  const n = (s) => f.filter((x) => x.severity === s).length;
  console.log(n("error"), n("warning"), new Set(f.map((x) => x.path)).size);' "$json")
{
  echo "errors=$errors"
  echo "warnings=$warnings"
  echo "exit-code=$code"
} >> "$out"

{
  echo "### rsp-lint"
  echo
  case "$code" in
    0) if [ "$errors$warnings" = 00 ]; then echo "No errors or warnings."; else echo "No errors; $warnings warning(s) in $files file(s): see the annotations or the log."; fi;;
    1) echo "**Failed**: $errors error(s) and $warnings warning(s) in $files file(s): see the annotations or the log.";;
    *) echo "**rsp-lint could not run** (exit status $code): see the log.";;
  esac
} >> "$summary"

# The change review (rsp-lint diff): against change-review-base, else the merge base of HEAD and
# the pull request's base branch (GITHUB_BASE_REF, set by the runner on pull_request events).
if [ "${INPUT_CHANGE_REVIEW:-false}" = true ]; then
  base="${INPUT_CHANGE_REVIEW_BASE:-}"
  if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
    upstream="origin/$GITHUB_BASE_REF"
    if ! git rev-parse --verify --quiet "$upstream^{commit}" >/dev/null; then
      git fetch --quiet --no-tags origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$upstream" 2>/dev/null || true
    fi
    base=$(git merge-base "$upstream" HEAD 2>/dev/null) || base=""
    [ -n "$base" ] || echo "::warning title=rsp-lint change review::cannot find the merge base with $upstream (check out with fetch-depth: 0); nothing was reviewed"
  elif [ -z "$base" ]; then
    echo "::notice title=rsp-lint change review::not a pull request and no change-review-base given; nothing was reviewed"
  fi
  if [ -n "$base" ]; then
    review_file="${INPUT_CHANGE_REVIEW_FILE:-rsp-change-review.md}"
    diff_opts=()
    [ "${INPUT_ALLOW_EMPTY:-false}" = true ] && diff_opts+=(--allow-empty)
    node "$cli" diff --base "$base" --format markdown "${diff_opts[@]}" -- "${paths[@]}" > "$review_file"
    review=$?
    { echo; cat "$review_file"; } >> "$summary"
    echo "change-review-file=$review_file" >> "$out"
    echo "change-review-exit-code=$review" >> "$out"
    case "$review" in
      0) ;;
      1) echo "::error title=rsp-lint change review::the change weakens the policy without explaining it in the change log: see the job summary"; [ "$code" -eq 0 ] && code=1;;
      *) echo "::error title=rsp-lint change review::rsp-lint diff could not run (exit status $review): see the log"; [ "$code" -eq 0 ] && code=2;;
    esac
  fi
fi
exit "$code"

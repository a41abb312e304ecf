#!/usr/bin/env bash
# Runs the unit tests under AddressSanitizer and ThreadSanitizer, each in its own scratch path.
# The long CLI tests (ActorGraphCLITests) are skipped: they run the plain binary in `make test`.
#   scripts/sanitize.sh            both sanitizers
#   scripts/sanitize.sh address    one of them (address | thread)
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
# The analytics cross-check runs NetworkX from the project's .venv (make pydeps).
if [ -z "${ACTORGRAPH_PYTHON:-}" ] && [ -x .venv/bin/python ]; then export ACTORGRAPH_PYTHON=$PWD/.venv/bin/python; fi
which=("$@")
[ ${#which[@]} -eq 0 ] && which=(address thread)

passed=0
failed=0
for san in "${which[@]}"; do
  case "$san" in
    address) scratch=.build-asan; env=(ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}) ;;
    thread)  scratch=.build-tsan; env=(TSAN_OPTIONS=halt_on_error=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}) ;;
    *) echo "sanitize: unknown sanitizer '$san' (address or thread)" >&2; exit 64 ;;
  esac
  log=$scratch/sanitize-$san.log
  mkdir -p "$scratch"
  echo "sanitize: swift test --sanitize=$san (scratch $scratch, log $log)"
  start=$(date +%s)
  # ACTORGRAPH_SANITIZER tells the tests which sanitizer they run under: the very large layouts skip themselves.
  env "${env[@]}" ACTORGRAPH_SANITIZER="$san" SWIFT_BACKTRACE=enable=no \
    "$SWIFT" test --sanitize="$san" --scratch-path "$scratch" --skip ActorGraphCLITests 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  took=$(( $(date +%s) - start ))
  # A sanitizer report fails the run even when the test runner itself exited 0.
  if [ "$status" -eq 0 ] && grep -qE '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer)' "$log"; then
    echo "sanitize: $san: the sanitizer reported a problem (see $log)" >&2
    status=1
  fi
  # It must have run tests: Swift Testing's closing line, or XCTest's.
  if [ "$status" -eq 0 ] && ! grep -qE 'Test run with [1-9][0-9]* tests? .*passed|Executed [1-9][0-9]* tests?, with 0 failures' "$log"; then
    echo "sanitize: $san: no test ran (see $log)" >&2
    status=1
  fi
  if [ "$status" -eq 0 ]; then
    echo "sanitize: $san passed in ${took}s"
    passed=$((passed + 1))
  else
    echo "sanitize: $san FAILED (exit $status) in ${took}s" >&2
    failed=$((failed + 1))
  fi
done
echo "sanitize: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

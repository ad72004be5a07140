# SPDX-License-Identifier: GPL-3.0-or-later
#
# TAP helpers for the shell tests: source this file, report with ok, not_ok or check, and end
# with tap_done, which prints the plan and exits non-zero if anything failed.

tap_count=0
tap_failed=0

ok() {
  tap_count=$((tap_count + 1))
  echo "ok $tap_count - $1"
}

# not_ok WHAT [DETAIL...]: each DETAIL is printed as a TAP comment.
not_ok() {
  tap_count=$((tap_count + 1))
  tap_failed=1
  echo "not ok $tap_count - $1"
  shift
  for line in "$@"; do echo "# $line"; done
}

# check WHAT COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what"; fi
}

tap_done() {
  echo "1..$tap_count"
  exit "$tap_failed"
}

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line of the real binary: --help, --version, an unknown option, and
# `gapplication action io.github.limber.Limber check` reaching the running app.
# TAP output. Usage: test-cli.sh path/to/limber
set -uo pipefail

limber=$1
source "$(dirname "$0")/tap.sh"

out=$("$limber" --version 2>&1); status=$?
if [ $status -eq 0 ] && [ "$out" = "limber 0.1.0" ]; then ok "--version"; else not_ok "--version" "status $status: $out"; fi

out=$("$limber" --help 2>&1); status=$?
if [ $status -eq 0 ] && grep -q -- "--version" <<<"$out" && grep -q "Usage:" <<<"$out"; then
  ok "--help"
else
  not_ok "--help" "status $status: $out"
fi

out=$("$limber" --no-such-option 2>&1 >/dev/null); status=$?
if [ $status -ne 0 ] && grep -q "Unknown option --no-such-option" <<<"$out"; then
  ok "an unknown option is an error naming it, status $status"
else
  not_ok "unknown option" "status $status: $out"
fi

# Started as a D-Bus service it shows no window until asked to.
"$limber" --gapplication-service &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT

if gdbus wait --session --timeout 20 io.github.limber.Limber; then
  ok "the app owns io.github.limber.Limber on the session bus"
else
  not_ok "bus name" "limber did not appear on the bus"
fi

if [ -z "$(xdotool search --onlyvisible --name '^Limber$' 2>/dev/null)" ]; then
  ok "no window before the action"
else
  not_ok "no window before the action"
fi

if out=$(gapplication action io.github.limber.Limber check 2>&1); then
  ok "gapplication action check"
else
  not_ok "gapplication action check" "$out"
fi

if timeout 20 xdotool search --sync --onlyvisible --name '^Limber$' >/dev/null 2>&1; then
  ok "the check action opened the window"
else
  not_ok "the check action opened no window"
fi

tap_done

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line of the real binary: --help, --version, an unknown option, an unknown
# routine, --export and --summary with their errors, and `gapplication action` and `--routine`
# reaching the running app.
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

out=$("$limber" --routine=nope 2>&1 >/dev/null); status=$?
if [ $status -eq 1 ] && grep -q "Unknown routine “nope”. The routines are: gentle-relief, daily-mobility, core-strength" <<<"$out"; then
  ok "an unknown routine is an error listing the routines"
else
  not_ok "unknown routine" "status $status: $out"
fi

# In the first days of an episode (written to the store as the app does), --routine refuses a
# routine that is not for them, with the reason, and opens no window.
episode_home=$(mktemp -d)
XDG_DATA_HOME=$episode_home/data XDG_STATE_HOME=$episode_home/state \
  "$limber" --export="$episode_home/empty.csv" >/dev/null 2>&1
python3 - "$episode_home/data/limber/limber.db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
with db:
    db.execute("INSERT INTO episodes (started_us) VALUES (?)", (int(time.time() * 1e6),))
PY
out=$(XDG_DATA_HOME=$episode_home/data XDG_STATE_HOME=$episode_home/state \
      timeout 20 "$limber" --routine=daily-mobility 2>&1 >/dev/null); status=$?
if [ $status -eq 1 ] && grep -q "Not starting “daily-mobility”: “Daily Mobility” is not for the first days of a spasm" <<<"$out"; then
  ok "--routine during the first days of an episode refuses a routine not meant for them"
else
  not_ok "--routine in the acute phase" "status $status: $out"
fi
rm -rf "$episode_home"

# An id with terminal escape sequences is echoed escaped, never sent to the terminal as it is.
out=$("$limber" --routine=$'\e]0;pwned\a\e[31mred\xc2\x9b' 2>&1 >/dev/null); status=$?
if [ $status -eq 1 ] && ! grep -q $'[\x01-\x08\x0b-\x1f\x7f]' <<<"$out" \
   && grep -qF 'Unknown routine “\x1b]0;pwned\x07\x1b[31mred\x9b”' <<<"$out"; then
  ok "an unknown routine's escape sequences are printed escaped"
else
  not_ok "--routine with escape sequences" "status $status: $(printf %q "$out")"
fi

# --export writes every record, in the format the file name says, without opening a window;
# here for a new user, in a data folder of its own.
export_home=$(mktemp -d)
out=$(XDG_DATA_HOME=$export_home/data XDG_STATE_HOME=$export_home/state \
      "$limber" --export="$export_home/records.csv" 2>&1); status=$?
if [ $status -eq 0 ] && [ "$(head -c 10 "$export_home/records.csv")" = "type,id,ti" ] \
   && [ "$(wc -l < "$export_home/records.csv")" -eq 1 ] && [ -f "$export_home/data/limber/limber.db" ]; then
  ok "--export=records.csv for a new user: a CSV with only its header"
else
  not_ok "--export=records.csv" "status $status: $out"
fi

# A record written the way the app does, then exported as JSON.
python3 - "$export_home/data/limber/limber.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
with db:
    db.execute("INSERT INTO glasses (time_us, source) VALUES (1763722800000000, 'app')")
PY
out=$(XDG_DATA_HOME=$export_home/data XDG_STATE_HOME=$export_home/state \
      "$limber" --export="$export_home/records.json" 2>&1); status=$?
if [ $status -eq 0 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "limber-export" and d["version"] == 1
assert [g["source"] for g in d["glasses"]] == ["app"], d["glasses"]
assert d["sessions"] == [] and d["checks"] == []
' "$export_home/records.json"; then
  ok "--export=records.json: the glass is in the JSON"
else
  not_ok "--export=records.json" "status $status: $out"
fi

out=$(XDG_DATA_HOME=$export_home/data XDG_STATE_HOME=$export_home/state \
      "$limber" --export="$export_home/records.txt" 2>&1); status=$?
if [ $status -eq 1 ] && grep -q "records.txt: the file name must end in .csv or .json" <<<"$out" \
   && [ ! -e "$export_home/records.txt" ]; then
  ok "--export with another extension is an error saying which ones work"
else
  not_ok "--export=records.txt" "status $status: $out"
fi

out=$(XDG_DATA_HOME=$export_home/data XDG_STATE_HOME=$export_home/state \
      "$limber" --export="$export_home/no-such-folder/records.csv" 2>&1); status=$?
if [ $status -eq 1 ] && grep -q "Could not write $export_home/no-such-folder/records.csv" <<<"$out"; then
  ok "--export into a missing folder is an error naming the file"
else
  not_ok "--export into a missing folder" "status $status: $out"
fi
# A store that is a symbolic link is refused (records are kept only in a real file), so the
# records behind it were never read: the export fails saying so, and writes nothing.
link_home=$(mktemp -d)
mkdir -p "$link_home/data/limber"
ln -s "$export_home/data/limber/limber.db" "$link_home/data/limber/limber.db"
out=$(XDG_DATA_HOME=$link_home/data XDG_STATE_HOME=$link_home/state \
      "$limber" --export="$link_home/records.json" 2>&1); status=$?
if [ $status -eq 1 ] && grep -q "Nothing was exported" <<<"$out" && grep -q "symbolic link" <<<"$out" \
   && ! grep -q "Exported your records" <<<"$out" && [ ! -e "$link_home/records.json" ]; then
  ok "--export from a store that is a symbolic link fails with the reason and writes nothing"
else
  not_ok "--export from a symbolic link" "status $status: $out"
fi
rm -rf "$link_home"

# A store from a newer Limber is left untouched, and exporting from it fails naming its format.
python3 - "$export_home/data/limber/limber.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA user_version = 99")
db.close()
PY
out=$(XDG_DATA_HOME=$export_home/data XDG_STATE_HOME=$export_home/state \
      "$limber" --export="$export_home/newer.csv" 2>&1); status=$?
if [ $status -eq 1 ] && grep -q "format 99" <<<"$out" && grep -q "Nothing was exported" <<<"$out" \
   && [ ! -e "$export_home/newer.csv" ]; then
  ok "--export from a newer store fails naming its format, and writes nothing"
else
  not_ok "--export from a newer store" "status $status: $out"
fi
rm -rf "$export_home"

# --summary writes the one-page summary for a doctor as a PDF, readable by the user only,
# without opening a window; for a new user each part says there is nothing recorded.
summary_home=$(mktemp -d)
# --summary lays the page out with GTK and Pango: in the sanitizer run it is checked for memory
# errors, but not for leaks at exit, which are fontconfig's and Mesa's caches (as the GUI app in
# test-a11y.py); Limber's own code is leak-checked by the unit tests and the other commands.
summary_asan=${ASAN_OPTIONS:-}
summary_asan=${summary_asan/detect_leaks=1/detect_leaks=0}
summary_env=(env XDG_DATA_HOME="$summary_home/data" XDG_STATE_HOME="$summary_home/state"
             ASAN_OPTIONS="$summary_asan")
out=$("${summary_env[@]}" "$limber" --summary="$summary_home/summary.pdf" 2>&1); status=$?
text=$(pdftotext "$summary_home/summary.pdf" - 2>/dev/null | tr -s '[:space:]' ' ')
if [ $status -eq 0 ] && grep -q "Wrote the summary for your doctor to $summary_home/summary.pdf" <<<"$out" \
   && [ "$(stat -c %a "$summary_home/summary.pdf")" = 600 ] \
   && pdfinfo "$summary_home/summary.pdf" | grep -q "^Pages: *1$" \
   && grep -q "Back Spasm Summary Prepared by Limber on" <<<"$text" \
   && grep -q "No episode recorded. " <<<"$text" && grep -q "No symptom check recorded. " <<<"$text"; then
  ok "--summary=summary.pdf for a new user: one page, 0600, saying nothing is recorded"
else
  not_ok "--summary=summary.pdf" "status $status: $out / $text"
fi

out=$("${summary_env[@]}" "$limber" --summary="$summary_home/no-such-folder/summary.pdf" 2>&1); status=$?
if [ $status -eq 1 ] && grep -q "Could not write $summary_home/no-such-folder/summary.pdf" <<<"$out"; then
  ok "--summary into a missing folder is an error naming the file"
else
  not_ok "--summary into a missing folder" "status $status: $out"
fi

# A store from a newer Limber: no summary claiming there are no records.
python3 - "$summary_home/data/limber/limber.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA user_version = 99")
db.close()
PY
out=$("${summary_env[@]}" "$limber" --summary="$summary_home/newer.pdf" 2>&1); status=$?
if [ $status -eq 1 ] && grep -q "No summary was written: .*format 99" <<<"$out" \
   && [ ! -e "$summary_home/newer.pdf" ]; then
  ok "--summary from a newer store fails naming its format, and writes nothing"
else
  not_ok "--summary from a newer store" "status $status: $out"
fi
rm -rf "$summary_home"

# Whether the app keeps the session from going idle, asked of the stand-in session manager
# (tests/fake-session-manager.py) that GTK's gtk_application_inhibit() talks to.
idle_inhibited() {
  gdbus call --session --dest org.gnome.SessionManager --object-path /org/gnome/SessionManager \
    --method org.gnome.SessionManager.IsInhibited 8 2>/dev/null
}

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

if [ "$(idle_inhibited)" = "(false,)" ]; then ok "nothing inhibits idle before a session"; else not_ok "idle before a session" "$(idle_inhibited)"; fi

if out=$(gapplication action io.github.limber.Limber start-routine "'gentle-relief'" 2>&1); then
  ok "gapplication action start-routine 'gentle-relief'"
else
  not_ok "gapplication action start-routine" "$out"
fi

wait_inhibited() {
  for _ in $(seq 300); do [ "$(idle_inhibited)" = "($1,)" ] && return 0; sleep 0.1; done
  return 1
}
if wait_inhibited true; then
  ok "the session runs and keeps the screen awake"
else
  not_ok "no session started" "$(idle_inhibited)"
fi

# A second instance hands --routine to the running one and exits at once.
out=$(timeout 20 "$limber" --routine=core-strength 2>&1); status=$?
if [ $status -eq 0 ] && wait_inhibited true; then
  ok "--routine in a second instance starts the routine in the running app"
else
  not_ok "--routine to the running app" "status $status: $out"
fi

gapplication action io.github.limber.Limber quit >/dev/null 2>&1
if wait_inhibited false; then
  ok "quitting releases the inhibition"
else
  not_ok "still inhibited after quit" "$(idle_inhibited)"
fi

tap_done

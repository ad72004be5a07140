#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Flags that must reach the compiler for every C file: meson silently drops a flag its check
# rejects (as it once did -Werror=format-security, which GCC ignores without -Wformat).
# TAP output. Usage: test-compile-flags.py path/to/compile_commands.json
import json
import sys

REQUIRED = ["-Wformat", "-Werror=format-security"]

with open(sys.argv[1]) as f:
    commands = [c for c in json.load(f) if c["file"].endswith(".c")]

print("TAP version 13")
failed = False
for n, flag in enumerate(REQUIRED, 1):
    missing = [c["file"] for c in commands if flag not in c["command"].split()]
    ok = commands and not missing
    failed |= not ok
    print(f"{'ok' if ok else 'not ok'} {n} - {flag} is passed for all {len(commands)} C files")
    for name in missing[:5]:
        print(f"# missing for {name}")
print(f"1..{len(REQUIRED)}")
sys.exit(1 if failed else 0)

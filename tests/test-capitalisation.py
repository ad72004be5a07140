#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Limber's one capitalisation rule (docs/style.md), checked over the sources in English: titles,
# headings, button and menu labels, and the names of the catalog's routines and exercises are in
# header capitalisation; descriptions and results are in sentence case and are not checked here.
# Header capitalisation, as the GNOME HIG has it: every word capitalised except articles,
# coordinating conjunctions and short prepositions, unless first or last. TAP output.
# Usage: test-capitalisation.py SRCDIR

import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# Lowercase inside a title: articles, coordinating conjunctions and short prepositions. An
# article or a conjunction capitalised inside a title is wrong; a preposition may be capitalised
# where it belongs to a verb ("Log Out", "Notifications Are Off").
ARTICLES_AND_CONJUNCTIONS = {"a", "an", "the", "and", "but", "or", "nor"}
MINOR = ARTICLES_AND_CONJUNCTIONS | {
    "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "out", "per", "to", "up",
    "via", "from", "into", "with", "than",
}

# Texts the rule does not apply to, each with why. Keep it short: a title that reads wrong in
# header capitalisation is better rewritten than excepted.
EXCEPTIONS = {
    # "text": "why",
}

# The rule itself, on texts whose verdict is known: a check that cannot fail proves nothing.
KNOWN = [
    ("Knee to Chest", True), ("Cat-Cow", True), ("Summary for Your Doctor…", True),
    ("Notifications Are Off for Limber", True), ("_Delete All My Records…", True),
    ("Start a Streak Today", True), ("What to Do", True), ("%u Days in a Row", True),
    ("Gentle relief", False), ("Cat-cow", False), ("Start The Routine", False),
    ("Safe in the first days", False), ("Back And Forth", False), ("about Limber", False),
]

# Properties whose text is a title, heading or control label in these classes.
TITLE_PROPERTIES = {"title"}
BUTTON_CLASSES = {"GtkButton", "GtkToggleButton", "GtkCheckButton", "GtkMenuButton",
                  "GtkLinkButton", "AdwSplitButton"}
# Classes whose "title" is not a title: none so far (an AdwStatusPage's title is its heading).
SENTENCE_TITLE_CLASSES = set()


def words_of(text):
    """The words of @text with mnemonics, ellipses and punctuation around words taken off."""
    text = text.replace("_", "").replace("…", " ")
    for word in re.split(r"[\s/]+", text):
        word = word.strip("“”\"'()[]:,.;!?")
        if word:
            yield word


def header_problems(text):
    """What keeps @text from header capitalisation, as a list of words."""
    if text in EXCEPTIONS:
        return []
    words = list(words_of(text))
    wrong = []
    for i, word in enumerate(words):
        # Placeholders, numbers, symbols and file names are not words of the title.
        if "%" in word or not word[0].isalpha() or re.search(r"[.@0-9]", word):
            continue
        edge = i == 0 or i == len(words) - 1
        for j, part in enumerate(word.split("-")):
            if not part or not part[0].isalpha():
                continue
            lower = part.lower()
            first_or_last = edge and j == 0
            if lower in ARTICLES_AND_CONJUNCTIONS and not first_or_last and part[0].isupper():
                wrong.append(f"“{part}” (lowercase inside a title)")
            elif (lower not in MINOR or first_or_last) and part[0].islower():
                wrong.append(f"“{part}”")
    return wrong


def ui_texts(path):
    """(where, text) for every translatable title and control label in the .ui file at @path."""
    tree = ET.parse(path)
    parents = {child: parent for parent in tree.iter() for child in parent}

    def owner_class(element):
        node = parents.get(element)
        while node is not None and node.tag not in ("object", "template"):
            node = parents.get(node)
        if node is None:
            return None, None
        return node.get("class") or node.get("parent"), node

    for element in tree.iter():
        if element.get("translatable") != "yes" or not (element.text or "").strip():
            continue
        name = element.get("name")
        cls, obj = owner_class(element)
        where = f"{os.path.basename(path)}: {cls} {name}"
        if element.tag == "attribute" and name == "label":
            yield where + " (menu item)", element.text
        elif element.tag == "property" and parents.get(element).tag == "accessibility":
            continue
        elif element.tag == "property" and name in TITLE_PROPERTIES and cls not in SENTENCE_TITLE_CLASSES:
            yield where, element.text
        elif element.tag == "property" and name == "label" and cls in BUTTON_CLASSES:
            yield where, element.text
        elif element.tag == "property" and name == "label" and cls == "GtkLabel":
            # A label that is a button's child is the button's label.
            button_cls, _ = owner_class(obj)
            if button_cls in BUTTON_CLASSES:
                yield where + " (in a button)", element.text


# C calls whose translatable texts are titles or control labels: every one in the call, or only
# the first (a dialog's heading, before its body; a plan row's title, before its subtitle).
C_ALL = ("gtk_window_set_title", "adw_preferences_row_set_title",
         "adw_preferences_group_set_title", "adw_status_page_set_title", "gtk_button_set_label",
         "gtk_button_new_with_label", "gtk_button_new_with_mnemonic", "limber_chart_set_title",
         "adw_message_dialog_set_heading", "adw_message_dialog_add_responses",
         "adw_message_dialog_add_response", "adw_toast_set_button_label")
C_FIRST = ("adw_message_dialog_new", "add_plan_row")
C_STRING = re.compile(r'\b(?:_|C_\(\s*"[^"]*"\s*,)\s*\(?\s*"((?:[^"\\]|\\.)*)"')


def call_arguments(source, start):
    """The text of the call whose "(" is at or after @start, up to its matching ")"."""
    open_at = source.index("(", start)
    depth, i, in_string = 0, open_at, False
    while i < len(source):
        c = source[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return source[open_at + 1:i]
        i += 1
    return source[open_at + 1:]


def c_texts(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    for match in re.finditer(r"\b(%s)\s*\(" % "|".join(C_ALL + C_FIRST), source):
        if source[:match.start()].rstrip().endswith(("void", "*")) or \
           source[match.start() - 1] == "\n" and source[match.end():].lstrip().startswith(")"):
            continue
        arguments = call_arguments(source, match.start())
        texts = [m.group(1) for m in C_STRING.finditer(arguments)]
        # add_plan_row's title is the string right after the row's id.
        if match.group(1) == "add_plan_row" and not re.match(r'\s*\w+\s*,\s*"[^"]*"\s*,\s*_\(',
                                                           arguments):
            continue
        if match.group(1) in C_FIRST:
            texts = texts[:1]
        line = source.count("\n", 0, match.start()) + 1
        for text in texts:
            yield f"{os.path.basename(path)}:{line}: {match.group(1)}", text


def catalog_texts(path):
    with open(path, encoding="utf-8") as f:
        catalog = json.load(f)
    for kind in ("routines", "exercises"):
        for item in catalog.get(kind, []):
            yield f"catalog.json: {kind[:-1]} {item['id']} name", item["name"]


def main():
    srcdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    checks = [(os.path.join(srcdir, "resources/catalog.json"),
               list(catalog_texts(os.path.join(srcdir, "resources/catalog.json"))))]
    for path in sorted(glob.glob(os.path.join(srcdir, "resources/ui/*.ui"))):
        checks.append((path, list(ui_texts(path))))
    for path in sorted(glob.glob(os.path.join(srcdir, "app/*.c"))):
        texts = list(c_texts(path))
        if texts:
            checks.append((path, texts))

    print(f"1..{len(checks) + 1}")
    failed = 0
    for n, (path, texts) in enumerate(checks, 1):
        problems = [f"{where}: “{text}”: {', '.join(header_problems(text))}"
                    for where, text in texts if header_problems(text)]
        name = os.path.relpath(path, srcdir)
        if problems:
            failed += 1
            print(f"not ok {n} {name}: {len(problems)} of {len(texts)} not in header capitalisation")
            for line in problems:
                print(f"# {line}")
        else:
            print(f"ok {n} {name}: {len(texts)} titles and labels in header capitalisation")
    wrong = [text for text, good in KNOWN if (not header_problems(text)) != good]
    total = sum(len(texts) for _, texts in checks)
    if wrong or total < 100:
        failed += 1
        print(f"not ok {len(checks) + 1} the rule: misjudged {wrong}, {total} texts found")
    else:
        print(f"ok {len(checks) + 1} the rule judges {len(KNOWN)} known texts right; "
              f"{total} texts checked")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

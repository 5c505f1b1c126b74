#!/usr/bin/env python3
"""Checks every translation in resources/translations against the sources.

usage: check_translations.py <lupdate> <source root> <file.ts>...

For each .ts file: lupdate (run on a copy, with the options of the build's update_translations
target) must find no string the file lacks and no string it keeps that the sources dropped;
every message must be translated (complete, not "unfinished"); a translation keeps the source's
placeholders (%1..%99, %n, %L1) and its keyboard accelerator (one '&' when the source has one).
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%L?\d+|%n")


def messages(ts_path):
    found = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            found[key] = (translation.get("type"), forms, message.get("numerus") == "yes")
    return found


def accelerators(text):
    return len(re.findall(r"&(?!&)(?=\w)", text.replace("&&", "")))


def main():
    lupdate, root, ts_files = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    problems = []
    for ts in ts_files:
        committed = messages(ts)
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / Path(ts).name
            shutil.copy(ts, copy)
            sources = [str(root / d) for d in ("core", "channels", "ui", "app")]
            subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", *sources,
                            "-ts", str(copy)], check=True)
            current = messages(copy)
        name = Path(ts).name
        for key in sorted(set(current) - set(committed)):
            problems.append(f"{name}: new string not in the translation (build the "
                            f"update_translations target, then translate it): {key[0]}: {key[1]!r}")
        for key in sorted(set(committed) - set(current)):
            problems.append(f"{name}: kept a string the sources no longer have (build "
                            f"update_translations): {key[0]}: {key[1]!r}")
        for key, (kind, forms, numerus) in committed.items():
            context, source, _ = key
            if kind in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
                problems.append(f"{name}: not translated: {context}: {source!r}")
                continue
            wanted = sorted(PLACEHOLDER.findall(source))
            for form in forms:
                have = sorted(PLACEHOLDER.findall(form))
                # A plural form may leave %n out only where the source's count is implied; we
                # want it in every form, so the number is always shown.
                if have != wanted:
                    problems.append(f"{name}: placeholders {have} differ from the source's "
                                    f"{wanted}: {context}: {source!r} -> {form!r}")
                if accelerators(source) != accelerators(form):
                    problems.append(f"{name}: the keyboard accelerator (&) differs: {context}: "
                                    f"{source!r} -> {form!r}")
            if numerus and len(forms) != 2:
                problems.append(f"{name}: German has two plural forms, found {len(forms)}: "
                                f"{context}: {source!r}")
        print(f"{name}: {len(committed)} messages checked")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

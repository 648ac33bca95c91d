#!/usr/bin/env python3
"""Code-health figures of the Java sources: the share of methods over 30 lines, and the test-to-code ratio.

Usage: scripts/code-metrics.py [DIR]   (default: the repository's root)

Lines are non-blank lines outside comments. A method is a declaration with a body (constructors included,
lambdas not); its length runs from its signature's first line to its closing brace.
"""
import pathlib
import re
import sys

KEYWORDS = {"if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new", "else", "do"}
HEADER = re.compile(r"(\w+)\s*\(")


def strip(text):
    """The text with comments, strings, text blocks and chars blanked, newlines kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (j + 1 - i))
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def methods(code):
    """Lengths in lines of the methods: a '{' at member depth whose statement ends in ')' or a throws clause."""
    lengths, depth, kinds, start = [], 0, [], 0
    line = 1
    for i, ch in enumerate(code):
        if ch == "\n":
            line += 1
        elif ch == "{":
            statement = code[start:i]
            member = kinds and kinds[-1] == "type"
            is_type = re.search(r"\b(class|interface|enum|record)\s+\w+", statement) is not None
            header = HEADER.search(statement)
            is_method = (
                member
                and not is_type
                and header is not None
                and header.group(1) not in KEYWORDS
                and re.search(r"\)\s*(throws\s+[\w.,\s]+)?\s*$", statement) is not None
                and "=" not in statement.split("(")[0]
            )
            kind = "type" if is_type else ("method" if is_method else "block")
            first = line - statement.rstrip().count("\n") + statement[: len(statement) - len(statement.lstrip())].count("\n")
            kinds.append((kind, first) if kind == "method" else kind)
            start = i + 1
        elif ch == "}":
            top = kinds.pop() if kinds else "block"
            if isinstance(top, tuple):
                lengths.append(line - top[1] + 1)
            start = i + 1
        elif ch == ";":
            start = i + 1
    return lengths


def figures(root):
    main_lines = test_lines = 0
    lengths = []
    for path in sorted(root.rglob("*.java")):
        parts = path.relative_to(root).parts
        if "target" in parts or ".git" in parts:
            continue
        code = strip(path.read_text(encoding="utf-8"))
        count = sum(1 for l in code.splitlines() if l.strip())
        if "test" in parts and "src" in parts:
            test_lines += count
        elif "main" in parts and "src" in parts:
            main_lines += count
            lengths.extend(methods(code))
    return main_lines, test_lines, lengths


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    main_lines, test_lines, lengths = figures(root)
    long = [n for n in lengths if n > 30]
    print(f"main code: {main_lines} lines, {len(lengths)} methods")
    print(f"methods over 30 lines: {len(long)} of {len(lengths)} ({100.0 * len(long) / max(1, len(lengths)):.1f}%),"
          f" longest {max(lengths, default=0)}")
    print(f"test code: {test_lines} lines; test-to-code ratio {test_lines / max(1, main_lines):.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Code-health figures of the Java sources: the share of methods over 30 lines, the test-to-code ratio, each module's
share of the main lines, the largest classes, and the package cycles inside each module.

Usage: scripts/code-metrics.py [--long] [DIR]   (default: the repository's root; --long lists the long methods)

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
    """(first line, length in lines) of the methods: a '{' at member depth whose statement ends in ')' or a throws clause."""
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
                lengths.append((top[1], line - top[1] + 1))
            start = i + 1
        elif ch == ";":
            start = i + 1
    return lengths


def module_of(path, root):
    """The folder of the nearest pom.xml above the file: its Maven module."""
    for parent in path.parents:
        if (parent / "pom.xml").exists():
            return str(parent.relative_to(root))
    return "."


IMPORT = re.compile(r"^import (?:static )?((?:[a-z]\w*\.)*[a-z]\w*)\.[A-Z]\w*(?:\.\w+)*;", re.M)


def package_cycles(edges):
    """The strongly connected groups of two or more packages (Tarjan), each a cycle of dependencies."""
    index, low, stack, on, groups, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in list(edges):
        if v not in index:
            visit(v)
    return groups


def figures(root):
    main_lines = test_lines = 0
    lengths, modules, classes, edges = [], {}, [], {}
    for path in sorted(root.rglob("*.java")):
        parts = path.relative_to(root).parts
        if "target" in parts or ".git" in parts or "node_modules" in parts:
            continue
        text = path.read_text(encoding="utf-8")
        code = strip(text)
        count = sum(1 for l in code.splitlines() if l.strip())
        if "test" in parts and "src" in parts:
            test_lines += count
        elif "main" in parts and "src" in parts:
            main_lines += count
            module = module_of(path, root)
            modules[module] = modules.get(module, 0) + count
            classes.append((len(text.splitlines()), str(path.relative_to(root))))
            lengths.extend((n, f"{path.relative_to(root)}:{first}") for first, n in methods(code))
            package = re.search(r"^package ([\w.]+);", text, re.M)
            if package:
                graph = edges.setdefault(module, {})
                targets = graph.setdefault(package.group(1), set())
                targets.update(p for p in IMPORT.findall(text) if p != package.group(1))
    return main_lines, test_lines, lengths, modules, classes, edges


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).resolve().parent.parent)
    main_lines, test_lines, lengths, modules, classes, edges = figures(root)
    long = sorted((n, where) for n, where in lengths if n > 30)
    print(f"main code: {main_lines} lines, {len(lengths)} methods")
    print(f"methods over 30 lines: {len(long)} of {len(lengths)} ({100.0 * len(long) / max(1, len(lengths)):.1f}%),"
          f" longest {max((n for n, _ in lengths), default=0)}")
    print(f"test code: {test_lines} lines; test-to-code ratio {test_lines / max(1, main_lines):.2f}")
    largest = max(modules.items(), key=lambda item: item[1], default=("none", 0))
    print(f"largest module: {largest[0]}, {100.0 * largest[1] / max(1, main_lines):.1f}% of the main lines")
    print("largest classes: " + ", ".join(f"{pathlib.Path(p).stem} {n}" for n, p in sorted(classes)[-3:][::-1]))
    cycles = [(module, group) for module, graph in sorted(edges.items()) for group in package_cycles(graph)]
    print(f"package cycles: {len(cycles)}")
    for module, group in cycles:
        print(f"  {module}: {' <-> '.join(group)}")
    if "--long" in sys.argv:
        for n, where in long[::-1]:
            print(f"  {n:4d}  {where}")


if __name__ == "__main__":
    main()

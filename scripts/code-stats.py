#!/usr/bin/env python3
"""Code statistics for ClaimDesk's Sources (issue 11's numbers): public types per module, the
largest source files and the longest functions.

    scripts/code-stats.py [ROOT] [--top N]

ROOT is a checkout (default: this repository); to measure an older commit, check it out beside
this one first (`git worktree add /tmp/old COMMIT`, then `scripts/code-stats.py /tmp/old`).

A public type is a line matching `^\\s*public (final )?(struct|enum|class|protocol|actor)`.
A function's length is the number of lines from the line of its `func` keyword to the line of the
brace that closes its body, found by brace matching over Swift tokens: comments, string literals
(single-line, multi-line, raw `#"…"#`) are skipped, but the code inside a string interpolation
`\\( … )` is matched too. Requirements without a body (in protocols) are not functions here.
`init`, `subscript` and closures are not counted (issue 11 speaks of functions).
"""
import argparse
import os
import re
import sys
from collections import defaultdict

PUBLIC_TYPE = re.compile(r"^\s*public (final )?(struct|enum|class|protocol|actor)\b")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A `func` with no body yet when one of these starts a token at parenthesis depth 0.
ENDS_WITHOUT_BODY = {"func", "var", "let", "case", "init", "subscript", "struct", "class", "enum",
                     "extension", "protocol", "actor", "typealias", "associatedtype", "deinit"}


def tokens(text):
    """Yields (kind, value, line) for the tokens brace matching needs: '{', '}', '(', ')', '[',
    ']', identifiers and 'other'; strings and comments are skipped (interpolations are not)."""
    i, n, line = 0, len(text), 1
    # Each frame is a string being read: (hashes, multiline), or None for code inside an
    # interpolation, with the parenthesis depth at which the interpolation closes.
    stack = []  # entries: ("string", hashes, multiline) or ("interp", depth)
    depth = 0   # parenthesis depth inside the current interpolation

    def in_string():
        return stack and stack[-1][0] == "string"

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        if in_string():
            _, hashes, multiline = stack[-1]
            close = ('"""' if multiline else '"') + "#" * hashes
            if text.startswith(close, i):
                stack.pop()
                i += len(close)
                continue
            escape = "\\" + "#" * hashes
            if text.startswith(escape, i):
                j = i + len(escape)
                if j < n and text[j] == "(":
                    stack.append(("interp", depth))
                    depth = 0
                    yield ("(", "(", line)
                    i = j + 1
                    continue
                i = j + 1  # skip the escaped character
                if j < n and text[j] == "\n":
                    line += 1
                continue
            i += 1
            continue
        # Code.
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            level, i = 1, i + 2
            while i < n and level:
                if text.startswith("/*", i):
                    level, i = level + 1, i + 2
                elif text.startswith("*/", i):
                    level, i = level - 1, i + 2
                else:
                    if text[i] == "\n":
                        line += 1
                    i += 1
            continue
        m = re.match(r'(#*)("""|")', text[i:i + 64])
        if m and (m.group(1) or c == '"'):
            hashes, quote = len(m.group(1)), m.group(2)
            stack.append(("string", hashes, quote == '"""'))
            i += m.end()
            continue
        if c == "(":
            depth += 1
            yield ("(", c, line)
        elif c == ")":
            if stack and stack[-1][0] == "interp" and depth == 0:
                _, depth = stack.pop()
                yield (")", c, line)
                i += 1
                continue
            depth -= 1
            yield (")", c, line)
        elif c in "{}[]":
            yield (c, c, line)
        elif c.isalpha() or c == "_":
            m = IDENT.match(text, i)
            yield ("ident", m.group(0), line)
            i = m.end()
            continue
        elif not c.isspace():
            yield ("other", c, line)
        i += 1


def functions(text):
    """(name, first line, last line) of every `func` with a body."""
    toks = list(tokens(text))
    found = []
    for k, (kind, value, line) in enumerate(toks):
        if kind != "ident" or value != "func":
            continue
        name = toks[k + 1][1] if k + 1 < len(toks) else "?"
        parens, j = 0, k + 1
        start = None
        while j < len(toks):
            tk, tv, _ = toks[j]
            if tk in "([":
                parens += 1
            elif tk in ")]":
                parens -= 1
            elif parens == 0 and tk == "{":
                start = j
                break
            elif parens == 0 and (tk == "}" or (tk == "ident" and tv in ENDS_WITHOUT_BODY)):
                break
            j += 1
        if start is None:
            continue
        level, j = 0, start
        while j < len(toks):
            if toks[j][0] == "{":
                level += 1
            elif toks[j][0] == "}":
                level -= 1
                if level == 0:
                    break
            j += 1
        end = toks[j][2] if j < len(toks) else toks[-1][2]
        found.append((name, line, end))
    return found


def swift_files(root):
    sources = os.path.join(root, "Sources")
    for folder, _, names in os.walk(sources):
        for name in sorted(names):
            if name.endswith(".swift"):
                path = os.path.join(folder, name)
                module = os.path.relpath(path, sources).split(os.sep)[0]
                yield module, path, os.path.relpath(path, root)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--top", type=int, default=5, help="how many files and functions to list (5)")
    args = parser.parse_args()

    public = defaultdict(int)
    sizes, funcs = [], []
    for module, path, shown in swift_files(args.root):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        public[module] += sum(1 for l in text.splitlines() if PUBLIC_TYPE.match(l))
        sizes.append((text.count("\n") + (0 if text.endswith("\n") or not text else 1), shown))
        funcs += [(end - first + 1, f"{shown}:{first}", name) for name, first, end in functions(text)]
    if not sizes:
        sys.exit(f"code-stats: no Swift files under {os.path.join(args.root, 'Sources')}")

    print("public types per module")
    for module in sorted(public):
        print(f"  {module:<18} {public[module]:>4}")
    print(f"  {'total':<18} {sum(public.values()):>4}")
    print(f"largest source files (lines, of {len(sizes)} files, {sum(s for s, _ in sizes)} lines)")
    for size, shown in sorted(sizes, reverse=True)[:args.top]:
        print(f"  {size:>5}  {shown}")
    print(f"longest functions (lines from `func` to its closing brace, of {len(funcs)} functions)")
    for length, where, name in sorted(funcs, key=lambda f: (-f[0], f[1]))[:args.top]:
        print(f"  {length:>5}  {name}  {where}")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Lists the functions of src/ longer than N lines (default 200), longest first: "lines file:line name".
# A function here is a definition that starts at column 0 (or indented inside a class body), its
# signature on one line or several, with its opening brace at the end of the signature, and ends at the matching closing brace (counted on the
# code with comments and string literals removed).
#   tools/long_functions.sh [N]
cd "$(dirname "$0")/.." || exit 1
python3 - "${1:-200}" <<'PY'
import re, sys, pathlib
limit = int(sys.argv[1])
head = re.compile(r'^\s*(?:[\w:<>,*&~\s]+?\s+)?([\w:~]+(?:operator\S+)?)\s*\([^;{]*\)\s*(?:const\s*)?(?:noexcept\s*)?(?:->\s*[\w:<>,\s*&]+)?\s*\{\s*$')
found = []
for path in sorted(pathlib.Path('src').rglob('*.cc')) + sorted(pathlib.Path('src').rglob('*.h')):
    text = path.read_text(errors='replace')
    # Strings first: a "//" inside one ("https://") is no comment.
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)
    text = re.sub(r'//[^\n]*', '', text)
    text = re.sub(r"'(?:[^'\\\n]|\\.)'", "''", text)
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        # A signature may run over several lines: join them until its parentheses close.
        sig, last = lines[i], i
        while sig.count('(') > sig.count(')') and last + 1 < len(lines) and last - i < 6:
            last += 1
            sig += ' ' + lines[last].strip()
        m = head.match(sig)
        if m and not re.match(r'^\s*(if|for|while|switch|return|else|catch|do)\b', sig) and '=' not in sig.split('(')[0]:
            depth, j = 0, last
            while j < len(lines):
                depth += lines[j].count('{') - lines[j].count('}')
                if depth <= 0 and j >= last:
                    break
                j += 1
            n = j - i + 1
            if n > limit:
                found.append((n, f'{path}:{i + 1}', m.group(1)))
            i = j + 1
            continue
        i += 1
for n, where, name in sorted(found, reverse=True):
    print(f'{n:5d} {where} {name}')
PY

"""hxparse.py - the parser of the .hx format shared by hxtool.py and hmp-gen.py.

An .hx file is a list of entries. Each starts with a one-line macro call,
KIND(name, ...), whose arguments depend on the file (qemu-options.hx:
DEF(name, HAS_ARG|NO_ARG, "usage", "summary"); hmp-commands.hx:
DEF|INFO(name, "args_type", "params", "help", handler[, NOLOCK])), followed by
free text up to a line ENDDEF. Outside entries, blank lines and lines starting
with '#' are skipped, and files that allow it have HEADING(text) lines.

Each generator describes its entry line with macro_re() and turns a match
into an entry with its own checks; the line loop, the ENDDEF framing and the
error messages (FILE:LINE: message) live here.
"""
import re
import sys

# Macro arguments: an entry's name (an option or a command), and a
# double-quoted string in which backslash escapes the next character.
NAME = r'([\w-]+)'
STRING = r'"((?:[^"\\]|\\.)*)"'

HEADING_RE = re.compile(r'^HEADING\((.*)\)\s*$')


def macro_re(kinds, *args):
    """Regex for the line KIND(arg, ...): kinds like 'DEF|INFO', then one
    pattern per argument. Group 1 is the kind, the next ones the arguments'."""
    return re.compile(rf'^({kinds})\(\s*' + r'\s*,\s*'.join(args) + r'\s*\)\s*$')


class HxError(Exception):
    """A bad entry line; parse() reports it with the file and line."""


def error(path, lineno, msg):
    sys.exit(f'{path}:{lineno}: {msg}')


def parse(path, entry_re, make_entry, headings=False):
    """The entries of the .hx file path, in order.

    entry_re matches an entry's first line; make_entry(match, lineno,
    entries_so_far) returns the entry as a dict with at least 'kind' and
    'name', or raises HxError(message) for a bad one. The entry's text lines
    are added as 'doc'. With headings, HEADING(text) lines become
    {'heading': text}.
    """
    entries = []
    current = None
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if current is not None:
                if line.strip() == 'ENDDEF':
                    entries.append(current)
                    current = None
                else:
                    current['doc'].append(line)
                continue
            if not line.strip() or line.startswith('#'):
                continue
            m = HEADING_RE.match(line) if headings else None
            if m:
                entries.append({'heading': m.group(1)})
                continue
            m = entry_re.match(line)
            if not m:
                error(path, lineno, f'cannot parse: {line}')
            try:
                current = make_entry(m, lineno, entries)
            except HxError as e:
                error(path, lineno, e)
            current['doc'] = []
    if current is not None:
        sys.exit(f'{path}: {current["kind"]}({current["name"]}) has no ENDDEF')
    return entries


def entry_markdown(heading, summary, doc):
    """Markdown lines for one entry: its heading, the summary as a sentence,
    then the entry's text if it has any."""
    out = [heading, '', summary[0].upper() + summary[1:] + '.', '']
    text = '\n'.join(doc).strip()
    if text:
        out += [text, '']
    return out

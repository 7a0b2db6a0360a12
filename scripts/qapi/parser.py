"""qapi.parser - reads qapi-schema.json into definitions and doc blocks.

The schema is JSON with single-quoted strings and '#' comments. A doc block
is a run of comment lines between '##' lines: '= Title' starts a section,
'@name:' documents the definition that follows, with @member: lines,
Returns:/Since:/Note: sections and an Example:. Checking what the
definitions mean is qapi.schema's job.
"""
import re


class SchemaError(Exception):
    """A bad schema; the message starts with FILE:LINE."""

class Reader:
    """Splits the schema into (doc block, expression, line) items."""

    def __init__(self, path):
        self.path = path
        with open(path, encoding='utf-8') as f:
            self.text = f.read()
        self.pos = 0
        self.line = 1

    def error(self, msg, line=None):
        raise SchemaError(f'{self.path}:{line or self.line}: {msg}')

    def items(self):
        pending_doc = None
        out = []
        while True:
            self.skip_space()
            if self.pos >= len(self.text):
                break
            c = self.text[self.pos]
            if c == '#':
                if self.at_line_start() and self.rest_of_line().rstrip() == '##':
                    doc = self.read_doc()
                    if doc['heading'] is not None or doc['symbol'] is None:
                        out.append(('doc', doc, None))
                    else:
                        if pending_doc is not None:
                            self.error('doc block without a definition', pending_doc['line'])
                        pending_doc = doc
                    continue
                self.skip_comment()
                continue
            line = self.line
            expr = self.value()
            if not isinstance(expr, dict):
                self.error('a definition must be an object', line)
            out.append(('expr', expr, (pending_doc, line)))
            pending_doc = None
        if pending_doc is not None:
            self.error('doc block without a definition', pending_doc['line'])
        return out

    def at_line_start(self):
        i = self.pos - 1
        while i >= 0 and self.text[i] in ' \t':
            i -= 1
        return i < 0 or self.text[i] == '\n'

    def rest_of_line(self):
        end = self.text.find('\n', self.pos)
        return self.text[self.pos:] if end < 0 else self.text[self.pos:end]

    def next_line(self):
        line = self.rest_of_line()
        self.pos += len(line)
        if self.pos < len(self.text):
            self.pos += 1
            self.line += 1
        return line

    def skip_space(self):
        while self.pos < len(self.text) and self.text[self.pos] in ' \t\r\n':
            if self.text[self.pos] == '\n':
                self.line += 1
            self.pos += 1

    def skip_comment(self):
        self.next_line()

    def read_doc(self):
        start = self.line
        self.next_line()                  # the opening '##'
        lines = []
        while True:
            if self.pos >= len(self.text):
                self.error('unterminated doc block', start)
            raw = self.next_line().strip()
            if raw == '##':
                break
            if not raw.startswith('#'):
                self.error('doc block lines must start with #')
            body = raw[1:]
            if body.startswith(' '):
                body = body[1:]
            elif body:
                self.error("doc block text must follow '# '")
            lines.append(body)
        return parse_doc(lines, start, self)

    def value(self):
        self.skip_space()
        while self.pos < len(self.text) and self.text[self.pos] == '#':
            self.skip_comment()
            self.skip_space()
        if self.pos >= len(self.text):
            self.error('unexpected end of file')
        c = self.text[self.pos]
        if c == '{':
            self.pos += 1
            d = {}
            self.skip_ws_comments()
            if self.peek() == '}':
                self.pos += 1
                return d
            while True:
                self.skip_ws_comments()
                key = self.value()
                if not isinstance(key, str):
                    self.error('object keys must be strings')
                if key in d:
                    self.error(f"duplicate key '{key}'")
                self.skip_ws_comments()
                self.expect(':')
                d[key] = self.value()
                self.skip_ws_comments()
                c = self.peek()
                self.pos += 1
                if c == '}':
                    return d
                if c != ',':
                    self.error("expected ',' or '}'")
        if c == '[':
            self.pos += 1
            lst = []
            self.skip_ws_comments()
            if self.peek() == ']':
                self.pos += 1
                return lst
            while True:
                lst.append(self.value())
                self.skip_ws_comments()
                c = self.peek()
                self.pos += 1
                if c == ']':
                    return lst
                if c != ',':
                    self.error("expected ',' or ']'")
        if c == "'":
            end = self.text.find("'", self.pos + 1)
            if end < 0 or '\n' in self.text[self.pos:end]:
                self.error('unterminated string')
            s = self.text[self.pos + 1:end]
            self.pos = end + 1
            return s
        for word, val in (('true', True), ('false', False)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        self.error(f"unexpected character '{c}'")

    def skip_ws_comments(self):
        self.skip_space()
        while self.pos < len(self.text) and self.text[self.pos] == '#':
            self.skip_comment()
            self.skip_space()

    def peek(self):
        return self.text[self.pos] if self.pos < len(self.text) else ''

    def expect(self, c):
        if self.peek() != c:
            self.error(f"expected '{c}'")
        self.pos += 1


SECTION_RE = re.compile(r'^(Returns|Since|Note|Notes|Example|Examples):\s*(.*)$')
MEMBER_RE = re.compile(r'^@([\w-]+):\s*(.*)$')


def parse_doc(lines, line, reader):
    doc = {'line': line, 'symbol': None, 'heading': None, 'body': [], 'members': {},
           'sections': {}, 'example': []}
    if not lines:
        reader.error('empty doc block', line)
    first = lines[0]
    rest = lines[1:]
    if first.startswith('= '):
        doc['heading'] = first[2:].strip()
        doc['body'] = rest
        return doc
    m = re.match(r'^@([\w-]+):\s*$', first)
    if not m:
        doc['body'] = lines
        return doc
    doc['symbol'] = m.group(1)
    state = 'body'
    current = None
    for text in rest:
        if state == 'example':
            doc['example'].append(text)
            continue
        m = MEMBER_RE.match(text)
        if m:
            if m.group(1) in doc['members']:
                reader.error(f"@{m.group(1)} documented twice", line)
            current = doc['members'][m.group(1)] = [m.group(2)]
            state = 'member'
            continue
        m = SECTION_RE.match(text)
        if m:
            if m.group(1).startswith('Example'):
                state = 'example'
                if m.group(2):
                    doc['example'].append(m.group(2))
                continue
            current = doc['sections'].setdefault(m.group(1).rstrip('s'), [])
            if m.group(2):
                current.append(m.group(2))
            state = 'section'
            continue
        if not text.strip():
            if state in ('member', 'section'):
                state = 'after'
            doc['body'].append('')
            continue
        if state in ('member', 'section') and (text.startswith(' ') or state == 'section'):
            current.append(text.strip())
        elif state == 'member':
            current.append(text.strip())
        else:
            doc['body'].append(text)
    while doc['example'] and not doc['example'][-1].strip():
        doc['example'].pop()
    while doc['example'] and not doc['example'][0].strip():
        doc['example'].pop(0)
    return doc

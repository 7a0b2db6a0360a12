#!/usr/bin/env python3
"""qapi-gen.py - C marshalling, dispatch, events and docs from qapi-schema.json.

usage: qapi-gen.py SCHEMA --h OUT.h --c OUT.c [--md OUT.md] [--hx OUT.hx]
       qapi-gen.py SCHEMA --check       validate only

The schema language is described at the top of qapi-schema.json. Outputs are
written only when their contents change, so an unchanged schema does not
trigger a rebuild.
"""
import argparse
import json
import os
import re
import sys
import textwrap

BUILTINS = {
    # name: (C type, const param type, kind)
    'str': ('char *', 'const char *', 'str'),
    'int': ('int64_t', 'int64_t', 'int'),
    'int8': ('int8_t', 'int8_t', 'int'),
    'int16': ('int16_t', 'int16_t', 'int'),
    'int32': ('int32_t', 'int32_t', 'int'),
    'int64': ('int64_t', 'int64_t', 'int'),
    'uint8': ('uint8_t', 'uint8_t', 'uint'),
    'uint16': ('uint16_t', 'uint16_t', 'uint'),
    'uint32': ('uint32_t', 'uint32_t', 'uint'),
    'uint64': ('uint64_t', 'uint64_t', 'uint'),
    'size': ('uint64_t', 'uint64_t', 'size'),
    'number': ('double', 'double', 'number'),
    'bool': ('bool', 'bool', 'bool'),
    'any': ('JsonNode *', 'JsonNode *', 'any'),
}
INT_RANGES = {
    'int': ('INT64_MIN', 'INT64_MAX', 'int64_t'),
    'int64': ('INT64_MIN', 'INT64_MAX', 'int64_t'),
    'int8': ('INT8_MIN', 'INT8_MAX', 'int8_t'),
    'int16': ('INT16_MIN', 'INT16_MAX', 'int16_t'),
    'int32': ('INT32_MIN', 'INT32_MAX', 'int32_t'),
    'uint8': (None, 'UINT8_MAX', 'uint8_t'),
    'uint16': (None, 'UINT16_MAX', 'uint16_t'),
    'uint32': (None, 'UINT32_MAX', 'uint32_t'),
    'uint64': (None, 'UINT64_MAX', 'uint64'),
}
C_KEYWORDS = set('''auto break case char const continue default do double else enum
    extern float for goto if inline int long register restrict return short signed
    sizeof static struct switch typedef union unsigned void volatile while bool
    true false'''.split())


class SchemaError(Exception):
    pass


# ---------------------------------------------------------------- reading

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


# ---------------------------------------------------------------- model

def c_name(name):
    n = re.sub(r'[^A-Za-z0-9_]', '_', name)
    if n in C_KEYWORDS or n[0].isdigit():
        n = 'q_' + n
    return n


def camel_to_upper(name):
    s = c_name(name)
    if name.isupper():
        return s
    out = ''
    for i, ch in enumerate(s):
        if ch.isupper() and i > 0 and s[i - 1] != '_':
            if i + 1 < len(s) and s[i + 1].islower():
                out += '_'
            elif s[i - 1].isdigit():
                out += '_'
        out += ch
    return out.lstrip('_').upper()


class Type:
    kind = None
    doc = None
    implicit = False

    def c_type(self):
        raise NotImplementedError

    def c_param_type(self):
        return self.c_type()

    def doc_name(self):
        return self.name


class Builtin(Type):
    def __init__(self, name):
        self.name = name
        self.ctype, self.cparam, self.kind = BUILTINS[name]

    def c_type(self):
        return self.ctype

    def c_param_type(self):
        return self.cparam

    def list_c_name(self):
        return ('int' if self.name == 'int' else self.name) + 'List'


class Enum(Type):
    kind = 'enum'

    def __init__(self, name, values, doc):
        self.name = name
        self.values = values
        self.doc = doc
        self.prefix = camel_to_upper(name)

    def c_type(self):
        return c_name(self.name)

    def const(self, value):
        return f'{self.prefix}_{c_name(value).upper()}'

    def list_c_name(self):
        return c_name(self.name) + 'List'


class Member:
    def __init__(self, name, typ, optional):
        self.name = name
        self.type = typ
        self.optional = optional
        self.c = c_name(name)

    def has_flag(self):
        """Optional scalars carry has_X; optional pointers are NULL when absent."""
        return self.optional and self.type.kind not in ('str', 'any', 'struct', 'union', 'list')


class Struct(Type):
    kind = 'struct'

    def __init__(self, name, doc, implicit=False):
        self.name = name
        self.doc = doc
        self.implicit = implicit
        self.members = []

    def c_type(self):
        return c_name(self.name) + ' *'

    def list_c_name(self):
        return c_name(self.name) + 'List'

    def all_members(self):
        return self.members


class Union(Struct):
    kind = 'union'

    def __init__(self, name, doc):
        super().__init__(name, doc)
        self.discriminator = None
        self.branches = {}          # enum value -> Struct


class ListType(Type):
    kind = 'list'

    def __init__(self, elem):
        self.elem = elem
        self.name = f'[{elem.name}]'

    def c_name(self):
        return self.elem.list_c_name()

    def c_type(self):
        return self.c_name() + ' *'

    def doc_name(self):
        return f'[{self.elem.doc_name()}]'


class Command:
    def __init__(self, name, doc):
        self.name = name
        self.doc = doc
        self.c = c_name(name)
        self.args = None            # Struct (implicit or named), or None
        self.boxed = False
        self.returns = None
        self.additional = False
        self.device_lock = True


class Event:
    def __init__(self, name, doc):
        self.name = name
        self.doc = doc
        self.c = c_name(name.lower())
        self.data = None


class Schema:
    def __init__(self, path):
        self.path = path
        self.types = {n: Builtin(n) for n in BUILTINS}
        self.user_types = []        # in definition order
        self.commands = []
        self.events = []
        self.lists = {}             # c name -> ListType, in first-use order
        self.docs = []              # ('heading'|'text'|'def', ...) in order
        self.pending = []
        self.read()

    def error(self, line, msg):
        raise SchemaError(f'{self.path}:{line}: {msg}')

    def read(self):
        reader = Reader(self.path)
        for kind, val, extra in reader.items():
            if kind == 'doc':
                self.docs.append(('text', val))
                continue
            doc, line = extra
            self.define(val, doc, line)
        for fn in self.pending:
            fn()
        self.check_docs()

    def define(self, expr, doc, line):
        for meta in ('enum', 'struct', 'union', 'command', 'event'):
            if meta in expr:
                break
        else:
            self.error(line, 'unknown definition (enum, struct, union, command or event)')
        name = expr[meta]
        if not isinstance(name, str) or not re.match(r'^[A-Za-z][\w-]*$', name):
            self.error(line, f'bad {meta} name {name!r}')
        allowed = {
            'enum': {'enum', 'data'},
            'struct': {'struct', 'data', 'base'},
            'union': {'union', 'base', 'discriminator', 'data'},
            'command': {'command', 'data', 'returns', 'boxed', 'additional-properties',
                        'device-lock'},
            'event': {'event', 'data'},
        }[meta]
        for key in expr:
            if key not in allowed:
                self.error(line, f"{meta} '{name}': unknown key '{key}'")
        if doc is None:
            self.error(line, f"{meta} '{name}' has no doc block")
        if doc['symbol'] != name:
            self.error(line, f"doc block is for '{doc['symbol']}', not '{name}'")
        self.docs.append(('def', meta, name))
        if meta == 'enum':
            values = expr.get('data')
            if not isinstance(values, list) or not values or \
                    not all(isinstance(v, str) for v in values) or len(set(values)) != len(values):
                self.error(line, f"enum '{name}': 'data' must list distinct strings")
            self.add_type(Enum(name, values, doc), line)
        elif meta in ('struct', 'union'):
            t = Struct(name, doc) if meta == 'struct' else Union(name, doc)
            t.line = line
            t.expr = expr
            self.add_type(t, line)
            self.pending.append(lambda: self.resolve_struct(t))
        elif meta == 'command':
            if any(c.name == name for c in self.commands):
                self.error(line, f"command '{name}' defined twice")
            cmd = Command(name, doc)
            cmd.line = line
            self.commands.append(cmd)
            self.pending.append(lambda: self.resolve_command(cmd, expr, line))
        else:
            if any(e.name == name for e in self.events):
                self.error(line, f"event '{name}' defined twice")
            if not re.match(r'^[A-Z][A-Z0-9_]*$', name):
                self.error(line, f"event name '{name}' must be UPPER_CASE")
            ev = Event(name, doc)
            ev.line = line
            self.events.append(ev)
            self.pending.append(lambda: self.resolve_event(ev, expr, line))

    def add_type(self, t, line):
        if t.name in self.types:
            self.error(line, f"type '{t.name}' defined twice")
        if not re.match(r'^[A-Z]', t.name):
            self.error(line, f"type name '{t.name}' must start with a capital letter")
        self.types[t.name] = t
        self.user_types.append(t)

    def lookup(self, ref, line):
        if isinstance(ref, list):
            if len(ref) != 1 or not isinstance(ref[0], str):
                self.error(line, f'bad list type {ref!r}')
            elem = self.lookup(ref[0], line)
            if elem.kind == 'any':
                self.error(line, "lists of 'any' are not supported")
            lt = ListType(elem)
            return self.lists.setdefault(lt.c_name(), lt)
        if not isinstance(ref, str) or ref not in self.types:
            self.error(line, f'unknown type {ref!r}')
        return self.types[ref]

    def members(self, data, line, owner):
        if not isinstance(data, dict):
            self.error(line, f"{owner}: members must be an object")
        out = []
        for key, ref in data.items():
            optional = key.startswith('*')
            name = key[1:] if optional else key
            if not re.match(r'^[a-z][a-z0-9-]*$', name):
                self.error(line, f"{owner}: member name '{name}' must be lower-case-with-dashes")
            if any(m.name == name for m in out):
                self.error(line, f"{owner}: member '{name}' twice")
            out.append(Member(name, self.lookup(ref, line), optional))
        cs = [m.c for m in out] + ['has_' + m.c for m in out if m.has_flag()]
        if len(set(cs)) != len(cs):
            self.error(line, f'{owner}: members clash in C')
        return out

    def resolve_struct(self, t):
        if getattr(t, 'resolved', False):
            return
        if getattr(t, 'resolving', False):
            self.error(t.line, f"{t.name}: recursive base or branch")
        t.resolving = True
        expr, line = t.expr, t.line
        base = expr.get('base')
        if isinstance(base, str):
            bt = self.lookup(base, line)
            if bt.kind != 'struct':
                self.error(line, f"{t.name}: base must be a struct")
            self.resolve_struct(bt)
            t.members = list(bt.members)
        elif base is not None:
            if t.kind != 'union':
                self.error(line, f"{t.name}: 'base' must name a struct")
            t.members = self.members(base, line, t.name)
            t.own_members = list(t.members)
        if t.kind == 'struct':
            own = self.members(expr.get('data', {}), line, t.name)
            for m in own:
                if any(b.name == m.name for b in t.members):
                    self.error(line, f"{t.name}: member '{m.name}' clashes with the base")
            t.members += own
            t.own_members = own
            t.resolved = True
            return
        disc = expr.get('discriminator')
        dm = next((m for m in t.members if m.name == disc), None)
        if dm is None or dm.optional or dm.type.kind != 'enum':
            self.error(line, f"{t.name}: discriminator must be a mandatory enum member of the base")
        t.discriminator = dm
        data = expr.get('data')
        if not isinstance(data, dict) or not data:
            self.error(line, f"{t.name}: 'data' must map values to structs")
        for value, ref in data.items():
            if value not in dm.type.values:
                self.error(line, f"{t.name}: '{value}' is not a value of {dm.type.name}")
            bt = self.lookup(ref, line)
            if bt.kind != 'struct':
                self.error(line, f"{t.name}: branch '{value}' must be a struct")
            self.resolve_struct(bt)
            for m in bt.members:
                if any(b.name == m.name for b in t.members):
                    self.error(line, f"{t.name}: branch member '{m.name}' clashes with the base")
            t.branches[value] = bt
        t.resolved = True

    def implicit_struct(self, name, data, line, owner):
        t = Struct(name, None, implicit=True)
        t.members = self.members(data, line, owner)
        self.types[name] = t
        return t

    def resolve_command(self, cmd, expr, line):
        data = expr.get('data')
        cmd.boxed = expr.get('boxed', False)
        cmd.additional = expr.get('additional-properties', False)
        cmd.device_lock = expr.get('device-lock', True)
        for key in ('boxed', 'additional-properties', 'device-lock'):
            if not isinstance(expr.get(key, False), bool):
                self.error(line, f"{cmd.name}: '{key}' must be true or false")
        if cmd.boxed:
            if not isinstance(data, str):
                self.error(line, f"{cmd.name}: 'boxed' needs 'data' to name a type")
            cmd.args = self.lookup(data, line)
            if cmd.args.kind not in ('struct', 'union'):
                self.error(line, f"{cmd.name}: boxed data must be a struct or union")
        elif isinstance(data, str):
            cmd.args = self.lookup(data, line)
            if cmd.args.kind != 'struct':
                self.error(line, f"{cmd.name}: data must be a struct")
        elif data is not None:
            cmd.args = self.implicit_struct(f'q_obj_{cmd.c}_arg', data, line, cmd.name)
        if cmd.additional and (cmd.boxed or cmd.args is None):
            self.error(line, f"{cmd.name}: 'additional-properties' needs inline 'data'")
        if 'returns' in expr:
            cmd.returns = self.lookup(expr['returns'], line)
            if cmd.returns.kind == 'any':
                self.error(line, f"{cmd.name}: returning 'any' is not supported")

    def resolve_event(self, ev, expr, line):
        data = expr.get('data')
        if data is not None:
            ev.data = self.implicit_struct(f'q_obj_{ev.name}_arg', data, line, ev.name)

    # ---------------------------------------------------------- doc checks

    def check_docs(self):
        for t in self.user_types:
            if t.kind == 'enum':
                self.check_members(t.doc, t.values, t.name, t.doc['line'])
            else:
                own = [m.name for m in getattr(t, 'own_members', [])]
                self.check_members(t.doc, own, t.name, t.doc['line'])
        for c in self.commands:
            args = [] if c.args is None or c.boxed else [m.name for m in c.args.members]
            self.check_members(c.doc, args, c.name, c.doc['line'])
            if c.returns is not None and 'Return' not in c.doc['sections']:
                self.error(c.doc['line'], f"command '{c.name}' returns a value: document it "
                           "with 'Returns:'")
            if c.returns is None and 'Return' in c.doc['sections']:
                self.error(c.doc['line'], f"command '{c.name}' returns nothing but has 'Returns:'")
            self.check_example(c.doc, c.name, 'command')
        for e in self.events:
            self.check_members(e.doc, [] if e.data is None else [m.name for m in e.data.members],
                               e.name, e.doc['line'])
            self.check_example(e.doc, e.name, 'event')

    def check_members(self, doc, names, owner, line):
        documented = set(doc['members'])
        for n in names:
            if n not in documented:
                self.error(line, f"{owner}: @{n} is not documented")
        for n in documented - set(names):
            self.error(line, f"{owner}: @{n} documented but not a member")

    def check_example(self, doc, name, what):
        if not doc['example']:
            self.error(doc['line'], f"{what} '{name}' has no Example")
        msgs = example_messages(doc['example'])
        if not msgs:
            self.error(doc['line'], f"{what} '{name}': Example shows no '->'/'<-' message")
        for direction, text in msgs:
            try:
                obj = json.loads(text)
            except ValueError as e:
                self.error(doc['line'], f"{what} '{name}': Example message is not JSON ({e}): "
                           f"{text}")
            if direction == '->':
                cmd = obj.get('execute') if isinstance(obj, dict) else None
                if not any(c.name == cmd for c in self.commands):
                    self.error(doc['line'], f"{what} '{name}': Example executes unknown "
                               f"command {cmd!r}")
            elif isinstance(obj, dict) and 'event' in obj:
                if not any(e.name == obj['event'] for e in self.events):
                    self.error(doc['line'], f"{what} '{name}': Example shows unknown event "
                               f"{obj['event']!r}")


def example_messages(lines):
    msgs = []
    for line in lines:
        s = line.rstrip()
        if s.startswith('->') or s.startswith('<-'):
            msgs.append([s[:2], s[2:].strip()])
        elif s.strip() and msgs and s.startswith(' '):
            msgs[-1][1] += ' ' + s.strip()
        elif s.strip():
            msgs.append(['text', None])
    return [(d, t) for d, t in msgs if d != 'text']


# ---------------------------------------------------------------- C output

HEADER = '/* generated by scripts/qapi-gen.py from qapi-schema.json: do not edit */\n'


def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


class CGen:
    def __init__(self, schema):
        self.s = schema

    def types_in_order(self):
        """User and implicit structs ordered so that embedded ones come first."""
        done = []
        seen = set()

        def visit(t):
            if t.name in seen:
                return
            seen.add(t.name)
            if t.kind in ('struct', 'union'):
                if t.kind == 'union':
                    for b in t.branches.values():
                        visit(b)
            done.append(t)

        for t in self.s.user_types:
            visit(t)
        for c in self.s.commands:
            if c.args is not None and c.args.implicit:
                visit(c.args)
        for e in self.s.events:
            if e.data is not None:
                visit(e.data)
        return done

    # ---- helpers producing C snippets

    def member_decl(self, m):
        out = []
        if m.has_flag():
            out.append(f'    bool has_{m.c};')
        out.append(f'    {m.type.c_type()}{"" if m.type.c_type().endswith("*") else " "}{m.c};')
        return out

    def free_stmt(self, t, expr):
        k = t.kind
        if k == 'str':
            return f'g_free({expr});'
        if k == 'any':
            return f'if ({expr}) {{ json_node_unref({expr}); }}'
        if k in ('struct', 'union'):
            return f'qapi_free_{c_name(t.name)}({expr});'
        if k == 'list':
            return f'qapi_free_{t.c_name()}({expr});'
        return None

    def out_expr(self, t, expr):
        k = t.kind
        if k == 'str':
            return f'qapi_out_str({expr})'
        if k == 'int':
            return f'qapi_out_int({expr})'
        if k in ('uint', 'size'):
            return f'qapi_out_uint({expr})'
        if k == 'number':
            return f'qapi_out_number({expr})'
        if k == 'bool':
            return f'qapi_out_bool({expr})'
        if k == 'any':
            return f'json_node_copy({expr})'
        if k == 'enum':
            return f'qapi_out_str({c_name(t.name)}_str({expr}))'
        if k in ('struct', 'union'):
            return f'qapi_marshal_{c_name(t.name)}({expr})'
        if k == 'list':
            return f'qapi_marshal_{t.c_name()}({expr})'
        raise AssertionError(k)

    def in_stmts(self, t, node, name, dst, fail):
        """Statements that parse JsonNode `node` into lvalue `dst`."""
        k = t.kind
        nm = 'NULL' if name is None else cstr(name)
        if k == 'str':
            return [f'if (!qapi_in_str(in, {node}, {nm}, &{dst}, errp)) {{ {fail} }}']
        if k == 'int':
            lo, hi, tn = INT_RANGES[t.name]
            return ['{', '    int64_t v;',
                    f'    if (!qapi_in_int(in, {node}, {nm}, {lo}, {hi}, "{tn}", &v, errp)) {{ {fail} }}',
                    f'    {dst} = v;', '}']
        if k == 'uint':
            _, hi, tn = INT_RANGES[t.name]
            return ['{', '    uint64_t v;',
                    f'    if (!qapi_in_uint(in, {node}, {nm}, {hi}, "{tn}", &v, errp)) {{ {fail} }}',
                    f'    {dst} = v;', '}']
        if k == 'size':
            return [f'if (!qapi_in_size(in, {node}, {nm}, &{dst}, errp)) {{ {fail} }}']
        if k == 'number':
            return [f'if (!qapi_in_number(in, {node}, {nm}, &{dst}, errp)) {{ {fail} }}']
        if k == 'bool':
            return [f'if (!qapi_in_bool(in, {node}, {nm}, &{dst}, errp)) {{ {fail} }}']
        if k == 'any':
            return [f'{dst} = json_node_copy({node});']
        if k == 'enum':
            cn = c_name(t.name)
            return ['{', '    int v;',
                    f'    if (!qapi_in_enum(in, {node}, {nm}, {cn}_lookup, {t.prefix}__MAX, &v, errp)) {{ {fail} }}',
                    f'    {dst} = ({cn})v;', '}']
        if k in ('struct', 'union'):
            return [f'if (!qapi_unmarshal_{c_name(t.name)}(in, {node}, {nm}, &{dst}, errp)) {{ {fail} }}']
        if k == 'list':
            return [f'if (!qapi_unmarshal_{t.c_name()}(in, {node}, {nm}, &{dst}, errp)) {{ {fail} }}']
        raise AssertionError(k)

    # ---- header

    def header(self):
        o = [HEADER, '#ifndef QAPI_GENERATED_H', '#define QAPI_GENERATED_H', '',
             '#include "monitor/qapi-runtime.h"', '']
        for t in self.s.user_types:
            if t.kind == 'enum':
                o.append(f'typedef enum {c_name(t.name)} {{')
                for v in t.values:
                    o.append(f'    {t.const(v)},')
                o.append(f'    {t.prefix}__MAX,')
                o.append(f'}} {c_name(t.name)};')
                o.append(f'extern const char *const {c_name(t.name)}_lookup[];')
                o.append(f'const char *{c_name(t.name)}_str({c_name(t.name)} value);')
                o.append('')
        structs = self.types_in_order()
        for t in structs:
            if t.kind in ('struct', 'union'):
                o.append(f'typedef struct {c_name(t.name)} {c_name(t.name)};')
        for lt in self.s.lists.values():
            o.append(f'typedef struct {lt.c_name()} {lt.c_name()};')
        o.append('')
        for lt in self.s.lists.values():
            o.append(f'struct {lt.c_name()} {{')
            o.append(f'    {lt.c_name()} *next;')
            et = lt.elem.c_type()
            o.append(f'    {et}{"" if et.endswith("*") else " "}value;')
            o.append('};')
            o.append('')
        for t in structs:
            if t.kind not in ('struct', 'union'):
                continue
            o.append(f'struct {c_name(t.name)} {{')
            for m in t.members:
                o += self.member_decl(m)
            if t.kind == 'union':
                o.append('    union {')
                for value, b in t.branches.items():
                    o.append(f'        {c_name(b.name)} {c_name(value)};')
                o.append('    } u;')
            if not t.members and t.kind == 'struct':
                o.append('    char qapi_dummy_for_empty_struct;')
            o.append('};')
            o.append('')
        o.append('/* Free, marshal to JSON, unmarshal from JSON (argument checking with')
        o.append(' * QEMU\'s messages; see monitor/qapi-runtime.h). */')
        for t in structs:
            if t.kind not in ('struct', 'union') or t.implicit:
                continue
            n = c_name(t.name)
            o.append(f'void qapi_free_{n}({n} *obj);')
            o.append(f'JsonNode *qapi_marshal_{n}(const {n} *obj);')
            o.append(f'bool qapi_unmarshal_{n}(QapiIn *in, JsonNode *node, const char *name, '
                     f'{n} **out, GError **errp);')
            o.append(f'G_DEFINE_AUTOPTR_CLEANUP_FUNC({n}, qapi_free_{n})')
        for lt in self.s.lists.values():
            n = lt.c_name()
            o.append(f'void qapi_free_{n}({n} *list);')
            o.append(f'JsonNode *qapi_marshal_{n}(const {n} *list);')
            o.append(f'bool qapi_unmarshal_{n}(QapiIn *in, JsonNode *node, const char *name, '
                     f'{n} **out, GError **errp);')
        o.append('')
        o.append('/* Command handlers (implemented in monitor/ and hw/). */')
        for c in self.s.commands:
            o.append(self.handler_proto(c) + ';')
        o.append('')
        o.append('/* Event emitters: callable from any thread. */')
        for e in self.s.events:
            o.append(self.event_proto(e) + ';')
        o.append('')
        o.append('/* The dispatch table, in schema order. */')
        o.append('extern const QmpCommandDef qmp_commands[];')
        o.append('extern const size_t qmp_commands_count;')
        o.append('')
        o.append('#endif')
        return '\n'.join(o) + '\n'

    def params(self, members):
        ps = []
        for m in members:
            if m.has_flag():
                ps.append(f'bool has_{m.c}')
            t = m.type.c_param_type()
            if m.type.kind in ('struct', 'union'):
                t = c_name(m.type.name) + ' *'
            ps.append(f'{t}{"" if t.endswith("*") else " "}{m.c}')
        return ps

    def handler_proto(self, c):
        if c.returns is None:
            ret = 'bool '
        else:
            ret = c.returns.c_type()
            if c.returns.kind == 'str':
                ret = 'char *'
            ret = ret if ret.endswith('*') else ret + ' '
        ps = []
        if c.boxed:
            ps.append(f'{c_name(c.args.name)} *arg')
        elif c.args is not None:
            ps += self.params(c.args.members)
        if c.additional:
            ps.append('JsonObject *props')
        ps.append('GError **errp')
        return f'{ret}qmp_{c.c}({", ".join(ps)})'

    def event_proto(self, e):
        ps = []
        if e.data is not None:
            for m in e.data.members:
                if m.has_flag():
                    ps.append(f'bool has_{m.c}')
                t = m.type.c_param_type()
                if m.type.kind in ('struct', 'union'):
                    t = f'const {c_name(m.type.name)} *'
                elif m.type.kind == 'list':
                    t = f'const {m.type.c_name()} *'
                ps.append(f'{t}{"" if t.endswith("*") else " "}{m.c}')
        return f'void qapi_event_send_{e.c}({", ".join(ps) or "void"})'

    # ---- source

    def source(self):
        o = [HEADER, '#include "qapi-generated.h"', '', '#include <string.h>', '']
        structs = [t for t in self.types_in_order() if t.kind in ('struct', 'union')]
        # forward declarations of the static member helpers
        for t in structs:
            n = c_name(t.name)
            o.append(f'static void clear_{n}_members({n} *obj) G_GNUC_UNUSED;')
            o.append(f'static void marshal_{n}_members(JsonObject *o, const {n} *obj) G_GNUC_UNUSED;')
            o.append(f'static bool unmarshal_{n}_members(QapiIn *in, {n} *obj, GError **errp) '
                     'G_GNUC_UNUSED;')
        o.append('')
        for t in self.s.user_types:
            if t.kind == 'enum':
                o += self.enum_source(t)
        for t in structs:
            o += self.struct_source(t)
        for lt in self.s.lists.values():
            o += self.list_source(lt)
        for c in self.s.commands:
            o += self.command_source(c)
        o.append('const QmpCommandDef qmp_commands[] = {')
        for c in self.s.commands:
            flags = 'QMP_CMD_DEVICE_LOCK' if c.device_lock else '0'
            o.append(f'    {{ {cstr(c.name)}, qmp_marshal_{c.c}, {flags} }},')
        o.append('};')
        o.append('const size_t qmp_commands_count = G_N_ELEMENTS(qmp_commands);')
        o.append('')
        for e in self.s.events:
            o += self.event_source(e)
        return '\n'.join(o) + '\n'

    def enum_source(self, t):
        n = c_name(t.name)
        o = [f'const char *const {n}_lookup[] = {{']
        for v in t.values:
            o.append(f'    [{t.const(v)}] = {cstr(v)},')
        o.append(f'    [{t.prefix}__MAX] = NULL,')
        o.append('};')
        o.append('')
        o.append(f'const char *{n}_str({n} value)')
        o.append('{')
        o.append(f'    return (unsigned)value < {t.prefix}__MAX ? {n}_lookup[value] : "<invalid>";')
        o.append('}')
        o.append('')
        return o

    def struct_source(self, t):
        n = c_name(t.name)
        o = []
        # clear
        o.append(f'static void clear_{n}_members({n} *obj)')
        o.append('{')
        for m in t.members:
            s = self.free_stmt(m.type, f'obj->{m.c}')
            if s:
                o.append(f'    {s}')
        if t.kind == 'union':
            o.append(f'    switch (obj->{t.discriminator.c}) {{')
            for value, b in t.branches.items():
                o.append(f'    case {t.discriminator.type.const(value)}:')
                o.append(f'        clear_{c_name(b.name)}_members(&obj->u.{c_name(value)});')
                o.append('        break;')
            o.append('    default:')
            o.append('        break;')
            o.append('    }')
        o.append('    (void)obj;')
        o.append('}')
        o.append('')
        # marshal
        o.append(f'static void marshal_{n}_members(JsonObject *o, const {n} *obj)')
        o.append('{')
        for m in t.members:
            val = self.out_expr(m.type, f'obj->{m.c}')
            setter = f'json_object_set_member(o, {cstr(m.name)}, {val});'
            if m.has_flag():
                o.append(f'    if (obj->has_{m.c}) {{')
                o.append(f'        {setter}')
                o.append('    }')
            elif m.optional:
                o.append(f'    if (obj->{m.c}) {{')
                o.append(f'        {setter}')
                o.append('    }')
            else:
                o.append(f'    {setter}')
        if t.kind == 'union':
            o.append(f'    switch (obj->{t.discriminator.c}) {{')
            for value, b in t.branches.items():
                o.append(f'    case {t.discriminator.type.const(value)}:')
                o.append(f'        marshal_{c_name(b.name)}_members(o, &obj->u.{c_name(value)});')
                o.append('        break;')
            o.append('    default:')
            o.append('        break;')
            o.append('    }')
        o.append('    (void)o;')
        o.append('    (void)obj;')
        o.append('}')
        o.append('')
        # unmarshal
        o.append(f'static bool unmarshal_{n}_members(QapiIn *in, {n} *obj, GError **errp)')
        o.append('{')
        o.append('    JsonNode *n;')
        for m in t.members:
            o.append(f'    n = qapi_in_member(in, {cstr(m.name)}, {"true" if m.optional else "false"}, errp);')
            stmts = self.in_stmts(m.type, 'n', m.name, f'obj->{m.c}', 'return false;')
            if m.optional:
                o.append('    if (n) {')
                o += ['        ' + s for s in stmts]
                if m.has_flag():
                    o.append(f'        obj->has_{m.c} = true;')
                o.append('    }')
            else:
                o.append('    if (!n) {')
                o.append('        return false;')
                o.append('    }')
                o += ['    ' + s for s in stmts]
        if t.kind == 'union':
            o.append(f'    switch (obj->{t.discriminator.c}) {{')
            for value, b in t.branches.items():
                o.append(f'    case {t.discriminator.type.const(value)}:')
                o.append(f'        return unmarshal_{c_name(b.name)}_members(in, &obj->u.{c_name(value)}, errp);')
            o.append('    default:')
            o.append('        break;')
            o.append('    }')
        o.append('    (void)n;')
        o.append('    (void)in;')
        o.append('    (void)obj;')
        o.append('    (void)errp;')
        o.append('    return true;')
        o.append('}')
        o.append('')
        if t.implicit:
            return o
        o.append(f'void qapi_free_{n}({n} *obj)')
        o.append('{')
        o.append('    if (obj) {')
        o.append(f'        clear_{n}_members(obj);')
        o.append('        g_free(obj);')
        o.append('    }')
        o.append('}')
        o.append('')
        o.append(f'JsonNode *qapi_marshal_{n}(const {n} *obj)')
        o.append('{')
        o.append('    JsonObject *o = json_object_new();')
        o.append(f'    marshal_{n}_members(o, obj);')
        o.append('    return qapi_out_object(o);')
        o.append('}')
        o.append('')
        o.append(f'bool qapi_unmarshal_{n}(QapiIn *in, JsonNode *node, const char *name, '
                 f'{n} **out, GError **errp)')
        o.append('{')
        o.append('    *out = NULL;')
        o.append('    if (!qapi_in_start_object(in, node, name, errp)) {')
        o.append('        return false;')
        o.append('    }')
        o.append(f'    {n} *obj = g_new0({n}, 1);')
        o.append(f'    bool ok = unmarshal_{n}_members(in, obj, errp) && qapi_in_check_object(in, errp);')
        o.append('    qapi_in_end_object(in);')
        o.append('    if (!ok) {')
        o.append(f'        qapi_free_{n}(obj);')
        o.append('        return false;')
        o.append('    }')
        o.append('    *out = obj;')
        o.append('    return true;')
        o.append('}')
        o.append('')
        return o

    def list_source(self, lt):
        n = lt.c_name()
        e = lt.elem
        o = [f'void qapi_free_{n}({n} *list)', '{', '    while (list) {',
             f'        {n} *next = list->next;']
        s = self.free_stmt(e, 'list->value')
        if s:
            o.append(f'        {s}')
        o += ['        g_free(list);', '        list = next;', '    }', '}', '']
        o += [f'JsonNode *qapi_marshal_{n}(const {n} *list)', '{',
              '    JsonArray *a = json_array_new();',
              f'    for (const {n} *l = list; l; l = l->next) {{',
              f'        json_array_add_element(a, {self.out_expr(e, "l->value")});',
              '    }', '    return qapi_out_array(a);', '}', '']
        o += [f'bool qapi_unmarshal_{n}(QapiIn *in, JsonNode *node, const char *name, '
              f'{n} **out, GError **errp)', '{',
              '    JsonArray *a;',
              '    *out = NULL;',
              '    if (!qapi_in_start_list(in, node, name, &a, errp)) {',
              '        return false;', '    }',
              f'    {n} **tail = out;',
              '    bool ok = true;',
              '    for (guint i = 0; ok && i < json_array_get_length(a); i++) {',
              '        qapi_in_list_index(in, i);',
              f'        {n} *e = g_new0({n}, 1);',
              '        *tail = e;',
              '        tail = &e->next;',
              '        JsonNode *n = json_array_get_element(a, i);']
        o += ['        ' + s for s in self.in_stmts(e, 'n', None, 'e->value', 'ok = false;')]
        o += ['    }', '    qapi_in_end_list(in);', '    if (!ok) {',
              f'        qapi_free_{n}(*out);', '        *out = NULL;', '    }',
              '    return ok;', '}', '']
        return o

    def command_source(self, c):
        o = [f'static bool qmp_marshal_{c.c}(JsonObject *args, JsonNode **ret, GError **errp)',
             '{', '    QapiIn qin;', '    QapiIn *in = &qin;', '    GError *err = NULL;',
             '    bool ok = false;']
        call_args = []
        if c.args is not None:
            an = c_name(c.args.name)
            o.append(f'    {an} arg = {{ 0 }};')
            if c.boxed:
                call_args.append('&arg')
            else:
                for m in c.args.members:
                    if m.has_flag():
                        call_args.append(f'arg.has_{m.c}')
                    call_args.append(f'arg.{m.c}')
        if c.additional:
            call_args.append('args')
        call_args.append('&err')
        o.append('    qapi_in_init(in, false);')
        o.append('    qapi_in_push_root(in, args);')
        if c.args is not None:
            o.append(f'    if (!unmarshal_{an}_members(in, &arg, errp)) {{')
            o.append('        goto out;')
            o.append('    }')
        if not c.additional:
            o.append('    if (!qapi_in_check_object(in, errp)) {')
            o.append('        goto out;')
            o.append('    }')
        call = f'qmp_{c.c}({", ".join(call_args)})'
        r = c.returns
        if r is None:
            o.append(f'    bool r = {call};')
            o.append('    if (err) {')
            o.append('        g_propagate_error(errp, err);')
            o.append('        goto out;')
            o.append('    }')
            o.append('    if (!r) {')
            o.append(f'        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, '
                     f'"%s failed without a reason", {cstr(c.name)});')
            o.append('        goto out;')
            o.append('    }')
            o.append('    *ret = NULL;')
        else:
            rt = r.c_type()
            if r.kind == 'str':
                rt = 'char *'
            o.append(f'    {rt}{"" if rt.endswith("*") else " "}r = {call};')
            fr = self.free_stmt(r, 'r')
            o.append('    if (err) {')
            if fr:
                o.append(f'        {fr}')
            o.append('        g_propagate_error(errp, err);')
            o.append('        goto out;')
            o.append('    }')
            if r.kind == 'str':
                o.append('    *ret = qapi_out_str(r ? r : "");')
            else:
                o.append(f'    *ret = {self.out_expr(r, "r")};')
            if fr:
                o.append(f'    {fr}')
        o.append('    ok = true;')
        o.append('out:')
        o.append('    qapi_in_cleanup(in);')
        if c.args is not None:
            o.append(f'    clear_{an}_members(&arg);')
        o.append('    return ok;')
        o.append('}')
        o.append('')
        return o

    def event_source(self, e):
        o = [self.event_proto(e), '{']
        if e.data is None:
            o.append(f'    monitor_event_emit({cstr(e.name)}, NULL);')
        else:
            an = c_name(e.data.name)
            inits = []
            for m in e.data.members:
                if m.has_flag():
                    inits.append(f'.has_{m.c} = has_{m.c}')
                if m.type.kind in ('str', 'struct', 'union', 'list', 'any'):
                    inits.append(f'.{m.c} = ({m.type.c_type()}){m.c}')
                else:
                    inits.append(f'.{m.c} = {m.c}')
            o.append(f'    {an} param = {{ {", ".join(inits)} }};')
            o.append('    JsonObject *data = json_object_new();')
            o.append(f'    marshal_{an}_members(data, &param);')
            o.append(f'    monitor_event_emit({cstr(e.name)}, data);')
        o.append('}')
        o.append('')
        return o


# ---------------------------------------------------------------- docs

def type_ref(t):
    if t.kind == 'list':
        return f'array of {type_ref(t.elem)}'
    if t.kind in ('enum', 'struct', 'union'):
        return f'[{t.name}](#{anchor(t.name)})'
    return f'`{t.name}`'


def anchor(name):
    """GitHub's heading anchors."""
    return re.sub(r'[^a-z0-9_ -]', '', name.lower()).replace(' ', '-')


def join_text(lines):
    """Doc text for Markdown: @name references become code spans."""
    return re.sub(r'@([\w-]+)', r'`\1`', '\n'.join(lines).strip())


class DocGen:
    def __init__(self, schema):
        self.s = schema

    def definition(self, kind, name):
        if kind == 'command':
            return next(c for c in self.s.commands if c.name == name)
        if kind == 'event':
            return next(e for e in self.s.events if e.name == name)
        return self.s.types[name]

    def members_table(self, members, doc, head='Member'):
        rows = [f'| {head} | Type | Description |', '|---|---|---|']
        for m in members:
            text = join_text([' '.join(doc['members'].get(m.name, []))]) if doc else ''
            opt = ' (optional)' if m.optional else ''
            rows.append(f'| `{m.name}`{opt} | {type_ref(m.type)} | {text} |')
        return rows

    def markdown(self):
        o = ['# hotmem QMP reference', '',
             '<!-- generated by scripts/qapi-gen.py from qapi-schema.json: do not edit -->', '',
             'Generated from `qapi-schema.json`, the one source of the QMP protocol: the same',
             'file produces the C marshalling, the dispatch table and the event emitters',
             '(`qapi-generated.[ch]`) and `qmp-commands.hx`. To change the protocol, edit',
             'the schema and run `make`.', '']
        index = ['## Index', '']
        body = []
        for item in self.s.docs:
            if item[0] == 'text':
                doc = item[1]
                if doc['heading']:
                    body += [f'## {doc["heading"]}', '']
                    index.append(f'- [{doc["heading"]}](#{anchor(doc["heading"])})')
                text = join_text(doc['body'])
                if text:
                    body += [fence_indented(text), '']
                continue
            _, kind, name = item
            d = self.definition(kind, name)
            doc = d.doc
            label = {'command': 'Command', 'event': 'Event', 'enum': 'Enum',
                     'struct': 'Struct', 'union': 'Union'}[kind]
            body += [f'### {name}', '', f'*{label}*', '']
            text = join_text(doc['body'])
            if text:
                body += [text, '']
            if kind == 'enum':
                body += ['| Value | Description |', '|---|---|']
                for v in d.values:
                    body.append(f'| `{v}` | {" ".join(doc["members"].get(v, []))} |')
                body.append('')
            elif kind in ('struct', 'union'):
                body += self.members_table(d.members, doc) + ['']
                if kind == 'union':
                    body.append(f'Discriminator `{d.discriminator.name}`; the members of the '
                                'branch follow those of the base:')
                    body.append('')
                    for value, b in d.branches.items():
                        body.append(f'- `{value}`: [{b.name}](#{anchor(b.name)})')
                    body.append('')
            elif kind == 'command':
                if d.args is None:
                    body += ['Arguments: none.', '']
                elif d.boxed:
                    body += [f'Arguments: the members of {type_ref(d.args)}.', '']
                else:
                    body += self.members_table(d.args.members, doc, 'Argument') + ['']
                    if d.additional:
                        body += ['Other members are passed to the handler (driver properties).',
                                 '']
                if d.returns is not None:
                    body += [f'Returns: {type_ref(d.returns)}. '
                             f'{" ".join(doc["sections"].get("Return", []))}', '']
                else:
                    body += ['Returns: `{}`.', '']
                if not d.device_lock:
                    body += ['Runs without the device lock.', '']
            elif kind == 'event':
                if d.data is None:
                    body += ['No data.', '']
                else:
                    body += self.members_table(d.data.members, doc) + ['']
            since = ' '.join(doc['sections'].get('Since', []))
            if since:
                body += [f'Since: {since}', '']
            if doc['example']:
                body += ['Example:', '', '```'] + [l.rstrip() for l in doc['example']] + ['```', '']
        return '\n'.join(o + index + [''] + body).rstrip() + '\n'

    def hx(self):
        o = ['HXCOMM generated by scripts/qapi-gen.py from qapi-schema.json: do not edit.',
             'HXCOMM The QMP command reference in the classic SQMP/EQMP layout; the source',
             'HXCOMM of truth is qapi-schema.json (docs/qmp.md is the same text).', '']
        for c in self.s.commands:
            doc = c.doc
            o += ['SQMP', c.name, '-' * len(c.name), '']
            text = join_text(doc['body'])
            if text:
                o += [text, '']
            if c.args is None:
                o += ['Arguments: none', '']
            elif c.boxed:
                o += [f'Arguments: the members of {c.args.name}', '']
            else:
                o.append('Arguments:')
                o.append('')
                for m in c.args.members:
                    opt = ', optional' if m.optional else ''
                    text = ' '.join(doc['members'].get(m.name, []))
                    o.append(f'- "{m.name}": {text} ({m.type.doc_name()}{opt})')
                o.append('')
            if c.returns is not None:
                o += [f'Returns: {c.returns.doc_name()}: '
                      f'{" ".join(doc["sections"].get("Return", []))}', '']
            o += ['Example:', ''] + [l.rstrip() for l in doc['example']] + ['', 'EQMP', '']
        return '\n'.join(o)


def fence_indented(text):
    """Keep indented blocks (JSON samples) as code in Markdown."""
    out = []
    in_code = False
    for line in text.split('\n'):
        code = line.startswith('  ')
        if code and not in_code:
            out.append('```')
            in_code = True
        elif not code and in_code:
            out.append('```')
            in_code = False
        out.append(line[2:] if code else line)
    if in_code:
        out.append('```')
    return '\n'.join(out)


def write_if_changed(path, text):
    try:
        with open(path, encoding='utf-8') as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('schema')
    ap.add_argument('--h')
    ap.add_argument('--c')
    ap.add_argument('--md')
    ap.add_argument('--hx')
    ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    try:
        schema = Schema(a.schema)
    except SchemaError as e:
        sys.exit(f'qapi-gen: {e}')
    if a.check:
        return
    gen = CGen(schema)
    docs = DocGen(schema)
    if a.h:
        write_if_changed(a.h, gen.header())
    if a.c:
        write_if_changed(a.c, gen.source())
    if a.md:
        write_if_changed(a.md, docs.markdown())
    if a.hx:
        write_if_changed(a.hx, docs.hx())


if __name__ == '__main__':
    main()

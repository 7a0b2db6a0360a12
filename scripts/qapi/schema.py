"""qapi.schema - the checked model of qapi-schema.json.

Schema(path) reads the file with qapi.parser, builds the types, commands and
events, resolves every reference, and checks the rules of the schema
language and of its docs (each member documented, each command with an
Example whose messages are JSON). Any problem raises SchemaError naming the
file and line.
"""
import json
import re

from .parser import Reader, SchemaError

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
MEMBER_NAME_EXCEPTIONS = {'UUID'}     # UuidInfo, as QEMU spells it
C_KEYWORDS = set('''auto break case char const continue default do double else enum
    extern float for goto if inline int long register restrict return short signed
    sizeof static struct switch typedef union unsigned void volatile while bool
    true false'''.split())


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
        self.features = []          # QEMU's feature flags, listed by query-qmp-schema


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
                        'device-lock', 'features'},
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
            # QEMU's own exceptions to its naming rule, kept for wire compatibility
            if not re.match(r'^[a-z][a-z0-9-]*$', name) and name not in MEMBER_NAME_EXCEPTIONS:
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
        feats = expr.get('features', [])
        if not isinstance(feats, list) or len(set(map(str, feats))) != len(feats) or \
                not all(isinstance(f, str) and re.match(r'^[a-z][a-z0-9-]*$', f) for f in feats):
            self.error(line, f"{cmd.name}: 'features' must list distinct lower-case names")
        cmd.features = feats
        if cmd.additional and (cmd.boxed or cmd.args is None):
            self.error(line, f"{cmd.name}: 'additional-properties' needs inline 'data'")
        if 'returns' in expr:
            cmd.returns = self.lookup(expr['returns'], line)

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

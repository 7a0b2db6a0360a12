"""introspect.py - the schema as query-qmp-schema returns it: a list of
QEMU's SchemaInfo objects (meta-types builtin, enum, array, object, command,
event), with type names other than the builtins masked as numbers, as QEMU
does, so clients match on structure, not on internal names.

The list is emitted as one JSON text into the generated C; the command's
handler parses it once.
"""
import json

# builtin -> (introspection name, json-type): every integer is "int"
BUILTIN_JSON = {
    'str': ('str', 'string'), 'number': ('number', 'number'), 'bool': ('bool', 'boolean'),
    'any': ('any', 'value'), 'null': ('null', 'null'),
}
INT_KINDS = ('int', 'uint', 'size')


class Introspection:
    def __init__(self, schema):
        self.schema = schema
        self.entries = []
        self.names = {}          # schema type name -> introspection name
        self.pending = []        # types named but not emitted yet
        self.builtins = set()

    def name_of(self, t):
        if t is None:
            return self.empty()
        if t.kind in INT_KINDS:
            return self.builtin('int', 'int')
        if t.kind in BUILTIN_JSON or getattr(t, 'name', None) in BUILTIN_JSON:
            n, j = BUILTIN_JSON[t.name if t.name in BUILTIN_JSON else t.kind]
            return self.builtin(n, j)
        if t.kind == 'list':
            inner = self.name_of(t.elem)
            name = f'[{inner}]'
            if name not in self.names.values():
                self.names[name] = name
                self.entries.append({'name': name, 'meta-type': 'array',
                                     'element-type': inner})
            return name
        if t.name not in self.names:
            self.names[t.name] = str(len(self.names))
            self.pending.append(t)
        return self.names[t.name]

    def builtin(self, name, json_type):
        if name not in self.builtins:
            self.builtins.add(name)
            self.entries.append({'name': name, 'meta-type': 'builtin', 'json-type': json_type})
        return name

    def empty(self):
        if ' empty' not in self.names:
            self.names[' empty'] = str(len(self.names))
            self.entries.append({'name': self.names[' empty'], 'meta-type': 'object',
                                 'members': []})
        return self.names[' empty']

    def members(self, t):
        out = []
        for m in t.members:
            e = {'name': m.name, 'type': self.name_of(m.type)}
            if m.optional:
                e['default'] = None
            out.append(e)
        return out

    def emit_type(self, t):
        name = self.names[t.name]
        if t.kind == 'enum':
            self.entries.append({'name': name, 'meta-type': 'enum',
                                 'members': [{'name': v} for v in t.values],
                                 'values': list(t.values)})
            return
        e = {'name': name, 'meta-type': 'object', 'members': self.members(t)}
        if t.kind == 'union':
            e['tag'] = getattr(t.discriminator, 'name', t.discriminator)
            e['variants'] = [{'case': case, 'type': self.name_of(branch)}
                             for case, branch in t.branches.items()]
        self.entries.append(e)

    def build(self):
        for c in self.schema.commands:
            e = {'name': c.name, 'meta-type': 'command', 'arg-type': self.name_of(c.args),
                 'ret-type': self.name_of(c.returns)}
            if c.features:
                e['features'] = list(c.features)
            self.entries.append(e)
        for ev in self.schema.events:
            self.entries.append({'name': ev.name, 'meta-type': 'event',
                                 'arg-type': self.name_of(ev.data)})
        while self.pending:
            self.emit_type(self.pending.pop(0))
        return self.entries


def introspection_json(schema):
    return json.dumps(Introspection(schema).build(), separators=(',', ':'))

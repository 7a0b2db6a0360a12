"""qapi.c_source - qapi-generated.c: marshalling, dispatch and events.

For each struct and union: clear, marshal-to-JSON and unmarshal-from-JSON of
its members (with QEMU's argument errors), for each list the same over its
elements; for each command a qmp_marshal_* that unmarshals the arguments,
calls the handler and marshals the result, and the qmp_commands[] table;
for each event its qapi_event_send_* emitter.
"""
from .introspect import introspection_json
from genlib import c_string

from .c_header import BANNER, event_proto, types_in_order
from .schema import c_name

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


# Kinds whose value marshals with one call, and kinds that are pointers to
# generated C types (freed, marshalled and unmarshalled by generated code).
OUT_FUNCS = {'str': 'qapi_out_str', 'int': 'qapi_out_int', 'uint': 'qapi_out_uint',
             'size': 'qapi_out_uint', 'number': 'qapi_out_number', 'bool': 'qapi_out_bool',
             'any': 'json_node_copy'}
OBJECT_KINDS = ('struct', 'union', 'list')


def object_c_name(t):
    """The C name of a struct, union or list type."""
    return t.c_name() if t.kind == 'list' else c_name(t.name)


def free_stmt(t, expr):
    k = t.kind
    if k == 'str':
        return f'g_free({expr});'
    if k == 'any':
        return f'if ({expr}) {{ json_node_unref({expr}); }}'
    if k in OBJECT_KINDS:
        return f'qapi_free_{object_c_name(t)}({expr});'
    return None


def out_expr(t, expr):
    k = t.kind
    if k in OUT_FUNCS:
        return f'{OUT_FUNCS[k]}({expr})'
    if k == 'enum':
        return f'qapi_out_str({c_name(t.name)}_str({expr}))'
    if k in OBJECT_KINDS:
        return f'qapi_marshal_{object_c_name(t)}({expr})'
    raise AssertionError(k)


def in_stmts(t, node, name, dst, fail):
    """Statements that parse JsonNode `node` into lvalue `dst`."""
    k = t.kind
    nm = 'NULL' if name is None else c_string(name)
    if k == 'any':
        return [f'{dst} = json_node_copy({node});']
    if k in ('str', 'size', 'number', 'bool') + OBJECT_KINDS:
        func = f'qapi_unmarshal_{object_c_name(t)}' if k in OBJECT_KINDS else f'qapi_in_{k}'
        return [f'if (!{func}(in, {node}, {nm}, &{dst}, errp)) {{ {fail} }}']
    # the rest parse into a local of the runtime's type, then convert
    if k in ('int', 'uint'):
        lo, hi, tn = INT_RANGES[t.name]
        limits = f'{lo}, {hi}, "{tn}"' if k == 'int' else f'{hi}, "{tn}"'
        local, cast = f'{k}64_t', ''
    elif k == 'enum':
        cn = c_name(t.name)
        limits = f'{cn}_lookup, {t.prefix}__MAX'
        local, cast = 'int', f'({cn})'
    else:
        raise AssertionError(k)
    return ['{', f'    {local} v;',
            f'    if (!qapi_in_{k}(in, {node}, {nm}, {limits}, &v, errp)) {{ {fail} }}',
            f'    {dst} = {cast}v;', '}']


def union_switch(t, branch_stmt):
    """A switch on union t's discriminator running branch_stmt(branch C name,
    pointer to the branch's members) for each branch; a statement that does
    not return is followed by break."""
    o = [f'    switch (obj->{t.discriminator.c}) {{']
    for value, b in t.branches.items():
        stmt = branch_stmt(c_name(b.name), f'&obj->u.{c_name(value)}')
        o.append(f'    case {t.discriminator.type.const(value)}:')
        o.append(f'        {stmt}')
        if not stmt.startswith('return '):
            o.append('        break;')
    return o + ['    default:', '        break;', '    }']


def source(schema):
    o = [BANNER, '#include "qapi-generated.h"', '', '#include <string.h>', '']
    structs = [t for t in types_in_order(schema) if t.kind in ('struct', 'union')]
    # forward declarations of the static member helpers
    for t in structs:
        n = c_name(t.name)
        o.append(f'static void clear_{n}_members({n} *obj) G_GNUC_UNUSED;')
        o.append(f'static void marshal_{n}_members(JsonObject *o, const {n} *obj) G_GNUC_UNUSED;')
        o.append(f'static bool unmarshal_{n}_members(QapiIn *in, {n} *obj, GError **errp) '
                 'G_GNUC_UNUSED;')
    o.append('')
    for t in schema.user_types:
        if t.kind == 'enum':
            o += enum_source(t)
    for t in structs:
        o += struct_source(t)
    for lt in schema.lists.values():
        o += list_source(lt)
    for c in schema.commands:
        o += command_source(c)
    o.append('const QmpCommandDef qmp_commands[] = {')
    for c in schema.commands:
        flags = 'QMP_CMD_DEVICE_LOCK' if c.device_lock else '0'
        o.append(f'    {{ {c_string(c.name)}, qmp_marshal_{c.c}, {flags} }},')
    o.append('};')
    o.append('const size_t qmp_commands_count = G_N_ELEMENTS(qmp_commands);')
    o.append('')
    for e in schema.events:
        o += event_source(e)
    # every struct's members, for run-time descriptions
    infos = [t for t in structs if not t.implicit]
    for t in infos:
        n = c_name(t.name)
        o.append(f'static const QapiMemberInfo members_{n}[] = {{')
        for m in t.members:
            o.append(f'    {{ {c_string(m.name)}, {c_string(m.type.kind)}, '
                     f'{"true" if m.optional else "false"} }},')
        o.append('    { NULL, NULL, false },')
        o.append('};')
    o.append('static const QapiStructInfo struct_infos[] = {')
    for t in infos:
        n = c_name(t.name)
        o.append(f'    {{ {c_string(t.name)}, members_{n}, {len(t.members)} }},')
    o.append('};')
    o.append('const QapiStructInfo *qapi_struct_info(const char *name)')
    o.append('{')
    o.append('    for (size_t i = 0; i < G_N_ELEMENTS(struct_infos); i++) {')
    o.append('        if (!strcmp(struct_infos[i].name, name)) {')
    o.append('            return &struct_infos[i];')
    o.append('        }')
    o.append('    }')
    o.append('    return NULL;')
    o.append('}')
    o.append('')
    o.append('const char *const qapi_event_names[] = {')
    o += [f'    {c_string(e.name)},' for e in schema.events]
    o.append('};')
    o.append('const size_t qapi_event_count = G_N_ELEMENTS(qapi_event_names);')
    o.append('')
    # query-qmp-schema's answer, in pieces the compiler joins
    text = introspection_json(schema)
    o.append('const char qapi_introspection_json[] =')
    o += [f'    {c_string(text[i:i + 96])}' for i in range(0, len(text), 96)]
    o[-1] += ';'
    return '\n'.join(o) + '\n'


def enum_source(t):
    n = c_name(t.name)
    o = [f'const char *const {n}_lookup[] = {{']
    for v in t.values:
        o.append(f'    [{t.const(v)}] = {c_string(v)},')
    o.append(f'    [{t.prefix}__MAX] = NULL,')
    o.append('};')
    o.append('')
    o.append(f'const char *{n}_str({n} value)')
    o.append('{')
    o.append(f'    return (unsigned)value < {t.prefix}__MAX ? {n}_lookup[value] : "<invalid>";')
    o.append('}')
    o.append('')
    return o


def struct_source(t):
    n = c_name(t.name)
    o = []
    # clear
    o.append(f'static void clear_{n}_members({n} *obj)')
    o.append('{')
    for m in t.members:
        s = free_stmt(m.type, f'obj->{m.c}')
        if s:
            o.append(f'    {s}')
    if t.kind == 'union':
        o += union_switch(t, lambda b, u: f'clear_{b}_members({u});')
    o.append('    (void)obj;')
    o.append('}')
    o.append('')
    # marshal
    o.append(f'static void marshal_{n}_members(JsonObject *o, const {n} *obj)')
    o.append('{')
    for m in t.members:
        val = out_expr(m.type, f'obj->{m.c}')
        setter = f'json_object_set_member(o, {c_string(m.name)}, {val});'
        if m.optional:
            present = f'obj->has_{m.c}' if m.has_flag() else f'obj->{m.c}'
            o += [f'    if ({present}) {{', f'        {setter}', '    }']
        else:
            o.append(f'    {setter}')
    if t.kind == 'union':
        o += union_switch(t, lambda b, u: f'marshal_{b}_members(o, {u});')
    o.append('    (void)o;')
    o.append('    (void)obj;')
    o.append('}')
    o.append('')
    # unmarshal
    o.append(f'static bool unmarshal_{n}_members(QapiIn *in, {n} *obj, GError **errp)')
    o.append('{')
    o.append('    JsonNode *n;')
    for m in t.members:
        o.append(f'    n = qapi_in_member(in, {c_string(m.name)}, {"true" if m.optional else "false"}, errp);')
        stmts = in_stmts(m.type, 'n', m.name, f'obj->{m.c}', 'return false;')
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
        o += union_switch(t, lambda b, u: f'return unmarshal_{b}_members(in, {u}, errp);')
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


def list_source(lt):
    n = lt.c_name()
    e = lt.elem
    o = [f'void qapi_free_{n}({n} *list)', '{', '    while (list) {',
         f'        {n} *next = list->next;']
    s = free_stmt(e, 'list->value')
    if s:
        o.append(f'        {s}')
    o += ['        g_free(list);', '        list = next;', '    }', '}', '']
    o += [f'JsonNode *qapi_marshal_{n}(const {n} *list)', '{',
          '    JsonArray *a = json_array_new();',
          f'    for (const {n} *l = list; l; l = l->next) {{',
          f'        json_array_add_element(a, {out_expr(e, "l->value")});',
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
    o += ['        ' + s for s in in_stmts(e, 'n', None, 'e->value', 'ok = false;')]
    o += ['    }', '    qapi_in_end_list(in);', '    if (!ok) {',
          f'        qapi_free_{n}(*out);', '        *out = NULL;', '    }',
          '    return ok;', '}', '']
    return o


def command_source(c):
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
                 f'"%s failed without a reason", {c_string(c.name)});')
        o.append('        goto out;')
        o.append('    }')
        o.append('    *ret = NULL;')
    else:
        rt = r.c_type()
        if r.kind == 'str':
            rt = 'char *'
        o.append(f'    {rt}{"" if rt.endswith("*") else " "}r = {call};')
        fr = free_stmt(r, 'r')
        o.append('    if (err) {')
        if fr:
            o.append(f'        {fr}')
        o.append('        g_propagate_error(errp, err);')
        o.append('        goto out;')
        o.append('    }')
        if r.kind == 'str':
            o.append('    *ret = qapi_out_str(r ? r : "");')
        else:
            o.append(f'    *ret = {out_expr(r, "r")};')
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


def event_source(e):
    o = [event_proto(e), '{']
    if e.data is None:
        o.append(f'    monitor_event_emit({c_string(e.name)}, NULL);')
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
        o.append(f'    monitor_event_emit({c_string(e.name)}, data);')
    o.append('}')
    o.append('')
    return o

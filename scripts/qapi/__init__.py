"""qapi - QMP's C code and docs from qapi-schema.json (run by scripts/qapi-gen.py).

parser reads the schema text, schema builds and checks the model, c_header
and c_source write qapi-generated.[ch], docs writes docs/qmp.md and
qmp-commands.hx.
"""

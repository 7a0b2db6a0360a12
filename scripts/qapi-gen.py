#!/usr/bin/env python3
"""qapi-gen.py - C marshalling, dispatch, events and docs from qapi-schema.json.

usage: qapi-gen.py SCHEMA --h OUT.h --c OUT.c [--md OUT.md] [--hx OUT.hx]
       qapi-gen.py SCHEMA --check       validate only

The schema language is described at the top of qapi-schema.json; the work is
done by the qapi package next to this script. Outputs are written only when
their contents change, so an unchanged schema does not trigger a rebuild.
"""
import argparse
import sys

from genlib import write_if_changed
from qapi import c_header, c_source, docs
from qapi.schema import Schema, SchemaError


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
    if a.h:
        write_if_changed(a.h, c_header.header(schema))
    if a.c:
        write_if_changed(a.c, c_source.source(schema))
    if a.md:
        write_if_changed(a.md, docs.markdown(schema))
    if a.hx:
        write_if_changed(a.hx, docs.hx(schema))


if __name__ == '__main__':
    main()

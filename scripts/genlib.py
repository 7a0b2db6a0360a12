"""genlib.py - helpers shared by the generators in scripts/.

C string literals for generated tables, and writing an output only when its
contents change (so that an unchanged source does not trigger a rebuild).
"""
import os


def c_string(s):
    """s as a C string literal."""
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def write_if_changed(path, text):
    """Replace path with text, atomically, unless it already holds text."""
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

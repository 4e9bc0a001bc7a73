"""Escaping what comes from a file or a rule before it reaches a terminal or a line format.

A report (its name, its text, a rule's message filled with its words) may hold terminal
escape sequences, C1 controls or bidirectional overrides that would reorder or recolour what
the reader sees.  These helpers show such characters as visible escapes (``\\x1b``,
``\\u202e``) and never let them act; line-based formats also escape line breaks so one
finding stays one line.
"""

from __future__ import annotations

import re

__all__ = ["escape_controls", "escape_line", "is_unsafe"]

# C0 controls but tab, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The same and the line breaks (\n, \r, NEL, LINE and PARAGRAPH SEPARATOR).
_UNSAFE_OR_BREAK = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                              "\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with controls and bidi formatting characters shown as escapes; line breaks kept."""
    return _UNSAFE.sub(_escape, text)


def escape_line(text: str) -> str:
    """``text`` on one line: controls, bidi characters and line breaks shown as escapes."""
    return _UNSAFE_OR_BREAK.sub(_escape, text)


def is_unsafe(char: str) -> bool:
    """Whether one character must be escaped before it is drawn."""
    return bool(_UNSAFE_OR_BREAK.fullmatch(char))

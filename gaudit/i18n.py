"""The one way gaudit says things in two languages.

Every user-facing message and error carries a :class:`Bilingual` text: the Simplified
Chinese and the English wording side by side. It is rendered in the user's language only at
the edges (a writer, the CLI's error line), so no message is ever half one language and half
the other, and no layer below the CLI needs to know which language was asked for.

Errors a user can meet derive from :class:`UserError`, whose ``message`` is a
:class:`Bilingual`; ``str(error)`` is the Chinese wording (the default language), so an
error that escapes into a log still reads sensibly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["LANGS", "Bilingual", "Lang", "UserError", "as_lang"]

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


def as_lang(value: str) -> Lang:
    """``"en"`` for English, ``"zh"`` for anything else (the default language)."""
    return "en" if value == "en" else "zh"


@dataclass(frozen=True)
class Bilingual:
    """A text in Simplified Chinese and English."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh

    def get(self, lang: str) -> str:
        """The wording in ``lang`` (English for ``"en"``, Chinese otherwise)."""
        return self.en if lang == "en" else self.zh

    def format(self, **values: object) -> Bilingual:
        """Both wordings with ``{placeholders}`` filled; a :class:`Bilingual` value fills
        each wording with its own language."""
        zh = {k: v.zh if isinstance(v, Bilingual) else v for k, v in values.items()}
        en = {k: v.en if isinstance(v, Bilingual) else v for k, v in values.items()}
        return Bilingual(self.zh.format(**zh), self.en.format(**en))

    def __add__(self, other: Bilingual) -> Bilingual:
        return Bilingual(self.zh + other.zh, self.en + other.en)


class UserError(Exception):
    """An error a user can meet: its message exists in both languages."""

    def __init__(self, message: Bilingual) -> None:
        super().__init__(message.zh)
        self.message = message

    def render(self, lang: str) -> str:
        return self.message.get(lang)

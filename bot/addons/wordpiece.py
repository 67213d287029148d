"""BERT's uncased WordPiece tokeniser (all-MiniLM-L6-v2's), written out, for Rasa's venv.

Hand-written because Rasa's venv (bot/.venv, requirements/bot.lock) has no `tokenizers` and no
`transformers`, and adding a package there for this would be the only reason to touch its
lock. It does what `BertTokenizerFast` does with do_lower_case and strip_accents (the model's
tokenizer_config): drop control characters, put spaces around CJK characters, lower-case,
strip accents (NFD, drop combining marks), split on whitespace and punctuation, then cut each
word greedily into the longest vocabulary pieces from the left, continuations prefixed "##";
a word that cannot be cut (or is over 100 characters) becomes [UNK]. Tested against the main
venv's tokenizer in tests/unit/test_static_vectors.py. Pure Python, no Rasa import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MAX_WORD_CHARS = 100
# ASCII text (nearly every message) in one regex, same result: its control characters are
# dropped, every other non-alphanumeric printable character is punctuation, a word of its own.
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_WORD = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _is_whitespace(char: str) -> bool:
    return char in " \t\n\r" or unicodedata.category(char) == "Zs"


def _is_control(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return unicodedata.category(char).startswith("C")


def basic_words(text: str) -> list[str]:
    """The words and punctuation marks, cleaned, lower-cased, without accents."""
    if text.isascii():
        return _ASCII_WORD.findall(_ASCII_CONTROL.sub("", text).lower())
    return general_words(text)


def general_words(text: str) -> list[str]:
    """`basic_words` for any text, character by character."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or _is_control(char):
            continue
        if _is_whitespace(char):
            out.append(" ")
        elif _is_cjk(code):
            out.extend((" ", char, " "))
        else:
            out.append(char)
    words: list[str] = []
    for word in "".join(out).lower().split():
        word = "".join(
            c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn"
        )
        current = ""
        for char in word:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                    current = ""
                words.append(char)
            else:
                current += char
        if current:
            words.append(current)
    return words


class WordPiece:
    """Text → vocabulary ids; each word's pieces are cached (words repeat across messages)."""

    def __init__(self, vocab: Sequence[str], cache_size: int = 50_000) -> None:
        self.ids = {token: index for index, token in enumerate(vocab)}
        self.unknown = self.ids["[UNK]"]
        self._cache: dict[str, list[int]] = {}
        self._cache_size = cache_size

    def word_ids(self, word: str) -> list[int]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        pieces = self._pieces(word)
        if len(self._cache) < self._cache_size:
            self._cache[word] = pieces
        return pieces

    def _pieces(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self.unknown]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.ids.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return [self.unknown]
            pieces.append(found)
            start = end
        return pieces

    def encode(self, text: str) -> list[int]:
        """The text's token ids, without [CLS] and [SEP]."""
        return [i for word in basic_words(text) for i in self.word_ids(word)]

    def tokens(self, text: str, vocab: Sequence[str]) -> list[str]:
        return [vocab[i] for i in self.encode(text)]

"""The str.split fast path of the tokenisers gives exactly the regex tokens."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from fliesstext.knowledge import phrase_tokens, punctuation_to_spaces, split_words

_TOKEN = re.compile(r"\w+|©")
_WORD = re.compile(r"\w+")
_ALPHABET = st.sampled_from(list("aäßÉz09_ ,.;:!?-–—„“”‘’«»…•()/\n\t\xa0©\u0915\u093e\u3001é\u200b€°'\"<>"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_phrase_tokens_match_the_regex(text: str) -> None:
    assert phrase_tokens(text) == _TOKEN.findall(text.lower())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_split_words_is_exact_or_declines(text: str) -> None:
    words = split_words(punctuation_to_spaces(text))
    assert words is None or words == _WORD.findall(text) == _TOKEN.findall(text)


def test_prose_takes_the_fast_path() -> None:
    line = "„Das ist – wie immer – ein Satz“, sagte sie, (und noch einer…) über 3,5 Mio. Euro!"
    assert split_words(punctuation_to_spaces(line.lower())) == _TOKEN.findall(line.lower())

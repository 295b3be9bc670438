"""A small word model for synthetic quotes: Zipf-distributed common words plus rare coinages.

Real text has a few very common words and a long tail of rare ones; full-text search is only
exercised honestly when synthetic quotes look the same, so the benchmark's "common word" (about
a tenth of all statements) and "rare word" (a handful) searches mean something.
"""

from __future__ import annotations

import itertools
import random
from functools import cached_property

_VOCABULARY_TEXT = """
cooperation security defense border region stability talks agreement minister president
relations bilateral support joint military economic trade energy development partnership
sovereignty peace terrorism exercises training equipment investment infrastructure dialogue
strategic mutual interests neighbors commitment future efforts progress challenges threats
countries nations people government forces navy army air intelligence cyber maritime
sanctions humanitarian reconstruction railway pipeline corridor ports customs visas students
universities culture heritage tourism agriculture water climate health vaccines technology
industry manufacturing missiles drones ammunition logistics command headquarters council
parliament committee delegation visit ceremony memorandum treaty accord protocol framework
implementation deadline provisions commission summit conference forum strategy vision
roadmap we our will must can should have has are is be been together strongly fully continue
expand deepen strengthen enhance promote ensure protect respect support reaffirm welcome
discuss important essential crucial historic significant productive constructive friendly
brotherly
"""
VOCABULARY = tuple(_VOCABULARY_TEXT.split())

SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ran",
    "tesh",
    "vo",
    "qua",
    "zel",
    "dor",
    "fi",
    "gan",
    "hu",
    "jem",
    "nar",
    "pol",
    "sar",
    "tiv",
    "ul",
    "wex",
    "yar",
)


def zipf_weights(count: int, exponent: float = 1.05) -> list[float]:
    """Return Zipf weights for ranks 1..count."""
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


class WordModel:
    """Draws sentences whose word frequencies follow Zipf's law.

    Bulk text (quotes, summaries, article bodies) is assembled from a few thousand sentence
    templates, each with one open slot for a varying word: a million quotes cost a second
    instead of the tens of seconds that drawing every word would, while the word frequencies
    stay Zipf-shaped and rare words stay rare."""

    TEMPLATES = 4000
    RARE_WORDS = 50_000

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = list(VOCABULARY)
        rng.shuffle(self.words)
        self.cumulative = list(itertools.accumulate(zipf_weights(len(self.words))))

    def rare_word(self) -> str:
        """Return a made-up word, rare enough to be found in only a few statements."""
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(3, 4)))

    def quotes(self, count: int) -> list[str]:
        """Return `count` two-sentence quotes; about one in seven carries a rare word.

        Every draw is made in bulk (`random.choices(k=n)`): one call per value, or generating
        each sentence word by word, made text generation rather than the database the
        bottleneck of a million-statement load."""
        rng = self.rng
        firsts = rng.choices(self._templates, k=count)
        seconds = rng.choices(self._templates, k=count)
        fillers = rng.choices(self._fillers, k=2 * count)
        rare_draws = rng.choices(self._rare_words, k=count)
        first_words = [
            rare if chance < 0.15 else filler
            for rare, filler, chance in zip(
                rare_draws, fillers[::2], self._uniforms(count), strict=True
            )
        ]
        return [
            f"{head_a}{word_a}{tail_a} {head_b}{word_b}{tail_b}"
            for (head_a, tail_a), (head_b, tail_b), word_a, word_b in zip(
                firsts, seconds, first_words, fillers[1::2], strict=True
            )
        ]

    def sentences(self, count: int) -> list[str]:
        """Return `count` one-sentence texts (meeting summaries)."""
        templates = self.rng.choices(self._templates, k=count)
        fillers = self.rng.choices(self._fillers, k=count)
        pairs = zip(templates, fillers, strict=True)
        return [f"{head}{word}{tail}" for (head, tail), word in pairs]

    def paragraphs(self, count: int, sentences: int) -> list[str]:
        """Return `count` texts of `sentences` sentences each (article bodies)."""
        flat = self.sentences(count * sentences)
        return [" ".join(flat[i : i + sentences]) for i in range(0, len(flat), sentences)]

    def _uniforms(self, count: int) -> list[float]:
        draw = self.rng.random
        return [draw() for _ in range(count)]

    @cached_property
    def _templates(self) -> list[tuple[str, str]]:
        """Sentences split around one slot where a text's varying word goes: (head, tail)."""
        templates = []
        for _ in range(self.TEMPLATES):
            words = self.sentence(self.rng.randint(8, 25)).split()
            slot = self.rng.randrange(1, len(words))
            templates.append((" ".join(words[:slot]) + " ", " " + " ".join(words[slot:])))
        return templates

    @cached_property
    def _fillers(self) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=5000)

    @cached_property
    def _rare_words(self) -> list[str]:
        """Made-up words: many, so each stays rare across a million quotes."""
        lengths = self.rng.choices((3, 4), k=self.RARE_WORDS)
        syllables = self.rng.choices(SYLLABLES, k=sum(lengths))
        ends = list(itertools.accumulate(lengths))
        return ["".join(syllables[end - n : end]) for n, end in zip(lengths, ends, strict=True)]

    def sentence(self, length: int) -> str:
        """Return one sentence of about `length` words."""
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        if self.rng.random() < 0.3:
            words[self.rng.randrange(length)] = self.rare_word()
        return " ".join(words).capitalize() + "."

"""Evaluative vocabulary: loaded words and constructions, by category, in three voices.

The measure looks words up in mediakit's own German lexicon (``data/lexicon.tsv``,
CC0, documented in ``data/LEXICON.md``): intensifiers (*völlig*), pejorative labels
(*Lügenpresse*, *Marionette*), loaded adjectives, nouns and verbs (*erbärmlich*,
*Schmusekurs*, *düpieren*), evaluative speech verbs (*tönen*, *poltern*; the neutral
*sagen* is not in it), stance adverbs (*ausgerechnet*), modal particles (*ja*, *doch*),
distancing markers (*angeblich*), exaggeration (*nie*, *aller Zeiten*), emotion words
(*Wut*), value judgements (*falsch*), epistemic adverbs (*vielleicht*), interjections,
first person and reader address, and hedges (*mutmaßlich*, *nach eigenen Angaben*),
which are reported but never counted as bias.

Matching, in short:

* tokens come from the shared :class:`~mediakit.document.Document` (never re-tokenised);
* lemmas come from simplemma's German dictionary (MIT, offline) with our own suffix
  rules as fallback (``benchmarks/evaluative.py`` measures the choice), cached per
  process and stored per document. For the bundled lexicon a precomputed excerpt of
  that dictionary (``data/lexicon_forms.tsv``, the forms whose lemma can matter) gives
  the same results without loading the whole dictionary (over a second); a lexicon
  with new entries falls back to simplemma;
* compounds are split for ``prefix`` entries (*Lügen|medien*) and ``head`` entries
  (*Klima|wahn*, *WEF-Leyen-|Regime*), leaving at least four letters on the other side;
* multiword ``phrase`` entries (*aller Zeiten*, *nach eigenen Angaben*) match token
  by token on surface form or lemma; ``neutral_use`` phrases (*vor allem*) block hits;
* a lowercase entry (an adjective, verb or particle) does not match a capitalised
  word inside a sentence (*mal* is not *zum ersten Mal*), a noun entry no lowercase
  word; particles, pronouns, stance adverbs and mild intensifiers count uninflected
  only, the particles with context rules (see :func:`_particle_applies`);
* negation (*nicht*, *kein*, *nie* … up to three words before the hit, same clause)
  is marked as ``negated``. Negated hits still count: *kein Desaster* puts the
  frame "Desaster" on the table just as well.

Three voices (:mod:`mediakit.evaluative.voice`, rules in ``data/evaluative_voice.tsv``):
the measure needs the quotation layer (``REQUIRES``) and reads it from the parsed
document. Every hit has a ``voice``: ``quoted`` inside a direct quotation, ``attributed``
inside the message of an indirect, reported or attributed free-indirect quotation (an
evaluation the author reports as someone's), else ``author``; and its ``source`` when
there is one. Cue verbs (*getönt*), speakers, the author's distancing words inside a
paraphrase (*die angebliche Unterdrückung*), indicative main clauses, scare quotes and
titles stay the author's voice.

Beyond words: context rules (``data/context_rules.tsv``: the participle *ausgesprochen*,
*lieber* = 'rather', the quantifier *an allen Verhandlungen*, impersonal *man*) and
constructions (``data/constructions.tsv``: rhetorical questions, imputed motives,
*eine Art X*, counterfactual and sarcastic frames, idioms such as *in die Hände
gespielt*, modality). ``unattributed_evaluative_sentence_share`` gives, of the
sentences in which the author evaluates, the share that cites no source, with the
sentences as evidence.

The headline figure ``evaluative_per_1000_words`` is the **weighted** sum (weights
1–3) of the author's hits, hedges left out, per 1,000 author words (with a prior of
20 words without evaluation, so that a single short sentence is not read as a tirade);
on the German CheckThat! subjectivity sentences it separates SUBJ from OBJ with an AUC
of about 0.77 on dev (0.86 on train, where the choices were made;
``benchmarks/evaluative.py``).

>>> [(h.text, h.category) for h in find_evaluative("Trump hat völlig erbärmlich getönt.")]
[('völlig', 'intensifier'), ('erbärmlich', 'loaded'), ('getönt', 'speech_verb')]
"""

from __future__ import annotations

from .constructions import (
    CONSTRUCTION_CATEGORIES,
    Construction,
    construction_hits,
    construction_table,
)
from .hits import EvaluativeHit
from .index import _PHRASE_ONLY, _fallback_forms, _Index
from .lemmas import (
    _LEMMA_MEMOS,
    LEXICON_FORMS,
    _dictionary_strategy,
    _lemma_memo,
    _lexicon_forms,
    _lower_lemmas,
    _table_lemmatize,
    _token_table,
    lemmatize,
)
from .lexicon import (
    BLOCKING_CATEGORY,
    CATEGORIES,
    COUNTED_CATEGORIES,
    EXACT_FORM_CATEGORIES,
    MATCH_TYPES,
    MIN_COMPOUND_REST,
    NEGATION_WINDOW,
    NOT_COUNTED,
    WEIGHTED,
    Lexicon,
    LexiconEntry,
    _default_entries,
    _entry_keys,
    _lemmatizer_for,
    _negators,
    _neutral_reporting,
    load_lexicon,
    load_sentiws,
)
from .matching import _scan
from .metrics import (
    METRIC_DESCRIPTIONS,
    EvaluativeAnalysis,
    _resolve_lexicon,
    _shared_default,
    analyze_evaluative,
    find_evaluative,
)
from .voice import (
    REQUIRES,
    SCARE_QUOTE_ENTRY,
    VOICES,
    VoiceLayer,
    VoiceSpan,
    _quoted_intervals,
    voice_layer,
)

__all__ = [
    "CATEGORIES",
    "CONSTRUCTION_CATEGORIES",
    "COUNTED_CATEGORIES",
    "METRIC_DESCRIPTIONS",
    "REQUIRES",
    "VOICES",
    "Construction",
    "EvaluativeAnalysis",
    "EvaluativeHit",
    "Lexicon",
    "LexiconEntry",
    "VoiceLayer",
    "VoiceSpan",
    "analyze_evaluative",
    "construction_hits",
    "construction_table",
    "find_evaluative",
    "lemmatize",
    "load_lexicon",
    "load_sentiws",
    "voice_layer",
]

# Internals that benchmarks and tests reach through ``mediakit.evaluative`` (kept
# importable from here after the split into submodules).
_INTERNALS = (
    BLOCKING_CATEGORY,
    EXACT_FORM_CATEGORIES,
    LEXICON_FORMS,
    MATCH_TYPES,
    MIN_COMPOUND_REST,
    NEGATION_WINDOW,
    NOT_COUNTED,
    SCARE_QUOTE_ENTRY,
    WEIGHTED,
    _PHRASE_ONLY,
    _LEMMA_MEMOS,
    _Index,
    _default_entries,
    _dictionary_strategy,
    _entry_keys,
    _fallback_forms,
    _lemma_memo,
    _lemmatizer_for,
    _lexicon_forms,
    _lower_lemmas,
    _negators,
    _neutral_reporting,
    _quoted_intervals,
    _resolve_lexicon,
    _scan,
    _shared_default,
    _table_lemmatize,
    _token_table,
)

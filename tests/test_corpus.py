"""The bundled corpus: metadata, verbatim segmentation, comments, and a teacher's own texts."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from itertools import pairwise
from pathlib import Path

import pytest

import mediakit
from mediakit.corpus import (
    Comment,
    CorpusDocument,
    Segment,
    corpus_root,
    load_corpus,
    load_document,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus() -> dict[str, CorpusDocument]:
    return {d.id: d for d in load_corpus()}


def all_segments(doc: CorpusDocument) -> list[tuple[str, Segment | Comment]]:
    pieces: list[tuple[str, Segment | Comment]] = []
    if doc.headline is not None:
        pieces.append(("headline", doc.headline))
    pieces += [("body", p) for p in doc.paragraphs]
    pieces += [("rest", s) for s in doc.rest]
    for comment in doc.comments:
        pieces.append(("comment", comment))
        pieces += [("comment paragraph", p) for p in comment.paragraphs]
        if comment.header is not None:
            pieces.append(("comment header", comment.header))
    return pieces


def test_five_documents_with_their_outlets_and_genres(corpus):
    assert list(corpus) == ["000", "001", "002", "003", "004"]
    assert {i: (d.outlet, d.genre) for i, d in corpus.items()} == {
        "000": ("TKP", "blog post"),
        "001": ("TKP", "blog post"),
        "002": ("dpa", "agency report"),
        "003": ("unnamed website", "blog post"),
        "004": ("unnamed aggregator", "aggregator summary"),
    }
    assert all(d.language == "de" for d in corpus.values())
    assert all("teaching and research" in d.rights for d in corpus.values())


def test_public_api_exports_the_loader():
    assert mediakit.load_corpus is load_corpus
    assert mediakit.CorpusDocument is CorpusDocument


def test_metadata_only_as_far_as_the_text_tells(corpus):
    assert corpus["002"].date == "2025-02-12"
    assert corpus["002"].title == "Trump telefoniert mit Putin: Ukraine-Verhandlungen geplant"
    assert corpus["000"].date == "2025-02-10"
    assert corpus["000"].title == "Im Gegensatz zu Biden spricht Trump mit Putin"
    # Not stated in the texts: None, and a note says so.
    for doc_id in ("001", "003", "004"):
        assert corpus[doc_id].date is None
        assert any("date is None" in note for note in corpus[doc_id].notes)
    assert corpus["003"].title is None and corpus["003"].headline is None
    assert all(d.url is None for d in corpus.values())
    # The ad widget's "Mayer, Peter F.(Autor)" is not taken for a byline.
    assert corpus["001"].author is None


def test_raw_files_are_the_unchanged_seeds(corpus, shared):
    seeds = shared("seeds")
    for doc in corpus.values():
        original = seeds / Path(doc.source).name
        packaged = corpus_root() / doc.source
        assert hashlib.sha256(packaged.read_bytes()).digest() == (
            hashlib.sha256(original.read_bytes()).digest()
        ), doc.source


def test_every_segment_is_verbatim_at_its_offsets(corpus):
    checked = 0
    for doc in corpus.values():
        for what, piece in all_segments(doc):
            assert doc.raw[piece.start : piece.end] == piece.text, (doc.id, what, piece.text[:50])
            assert piece.text == piece.text.strip(), (doc.id, what, piece.text[:50])
            assert piece.text, (doc.id, what)
            checked += 1
    assert checked > 150


def test_stored_json_offsets_match_the_raw_text():
    """The JSON files themselves (not only the loader) hold offsets and text that agree."""
    root = ROOT / "corpus"
    for entry in sorted((root / "documents").glob("*.json")):
        data = json.loads(entry.read_text(encoding="utf-8"))
        raw = (root / data["raw"]).read_text(encoding="utf-8")
        pieces = [data["headline"], *data["body"], *data["rest"]]
        for comment in data["comments"]:
            pieces += [comment, *comment["paragraphs"]]
        for piece in filter(None, pieces):
            assert raw[piece["start"] : piece["end"]] == piece["text"], (entry.name, piece)


def test_segments_do_not_overlap_and_cover_the_page(corpus):
    for doc in corpus.values():
        top_level = [p for what, p in all_segments(doc) if what != "comment paragraph"]
        spans = sorted((p.start, p.end) for p in top_level)
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, doc.id
        covered = bytearray(len(doc.raw))
        for start, end in spans:
            covered[start:end] = b"\x01" * (end - start)
        left = "".join(ch for i, ch in enumerate(doc.raw) if not covered[i] and not ch.isspace())
        # Only list bullets and the full stop joining 002's headline and teaser are left.
        assert set(left) <= {"-", "."}, (doc.id, left)


def test_body_is_the_paragraphs_joined(corpus):
    for doc in corpus.values():
        assert doc.body == "\n\n".join(p.text for p in doc.paragraphs)
        assert doc.body, doc.id
        for paragraph in doc.paragraphs:
            offset = doc.body.index(paragraph.text)
            assert doc.raw_offset(offset) == paragraph.start


def test_dpa_body_holds_its_lead_and_evaluative_words(corpus):
    dpa = corpus["002"]
    assert dpa.body.startswith("Trump hat immer wieder getönt, als US-Präsident")
    assert "getönt" in dpa.body and "Schmusekurs" in dpa.body
    assert "Nach gut drei Wochen im Amt spricht er nun direkt mit Kremlchef Putin." in dpa.body
    assert dpa.paragraphs[0].kind == "lead"
    at = dpa.body.index("Schmusekurs")
    assert dpa.raw[dpa.raw_offset(at) :].startswith("Schmusekurs")
    for alien in ("Weitere Meldungen", "weiterlesen", "@ dpa.de", "18:27:49", "Trump, Putin\n"):
        assert alien not in dpa.body, alien
    assert dpa.headline.text not in dpa.body
    assert [p.text for p in dpa.paragraphs if p.kind == "subheading"] == [
        "Die Botschaft aus dem Kreml",
        "Die Bedingungen der Amerikaner für einen Friedensdeal",
        "Die Beziehung der Präsidenten",
    ]
    assert dpa.comments == ()
    assert sum(s.kind == "related_links" for s in dpa.rest) == 7


def test_no_boilerplate_in_any_body(corpus):
    boilerplate = (
        "Weitere Meldungen",
        "Unsere Arbeit ist spendenfinanziert",
        "Folge TKP",
        "Regeln für Kommentare",
        "Kommentare zum Artikel",
        "Kremlin.ru, CC BY 4.0",
        "Mayer, Peter F.(Autor)",
        "Hier das Video:",
        "Quellen:",
        "Antworten",
    )
    for doc in corpus.values():
        for phrase in boilerplate:
            assert phrase not in doc.body, (doc.id, phrase)
        for comment in doc.comments:
            assert "Unsere Arbeit ist spendenfinanziert" not in comment.text


def test_the_rest_holds_the_boilerplate(corpus):
    kinds = {d.id: {s.kind for s in d.rest} for d in corpus.values()}
    assert {"donation_appeal", "follow_appeal", "comment_rules", "related_links"} <= kinds["000"]
    assert {"image_credit", "ad_widget", "embed_placeholder", "donation_appeal"} <= kinds["001"]
    credit = next(s for s in corpus["001"].rest if s.kind == "image_credit")
    assert credit.text == "Kremlin.ru, CC BY 4.0, via Wikimedia Commons"
    assert {"comment_rules", "comments_heading"} <= kinds["003"]


def test_aggregator_source_list_is_rest(corpus):
    agg = corpus["004"]
    sources = [s.text for s in agg.rest if s.kind == "source_list"]
    assert sources[0] == "Quellen:"
    assert "The Guardian" in sources and "Hindustan Times" in sources
    assert len(sources) == 9
    assert "news.bitcoin.com" not in agg.body and "Hindustan Times" not in agg.body
    # The outlets cited in the running text stay in the body.
    assert 'Wie der "Guardian" berichtet' in agg.body
    assert agg.body.endswith("dass dieser Ansatz für eine Konfliktlösung notwendig sei.")


def test_blog_bodies_end_before_the_appeals(corpus):
    assert corpus["000"].body.endswith("antwortete Hipper: „Dazu möchte ich mich nicht äußern.“")
    assert corpus["001"].body.endswith("so die Berichte.")
    assert corpus["001"].headline.text.endswith("90-Minnuten Telefonat – EU ignoriert")  # typo kept
    items = [p.text for p in corpus["001"].paragraphs if p.kind == "list_item"]
    assert len(items) == 5 and items[0].startswith("Die Mitgliedschaft der Ukraine")
    assert corpus["003"].body.endswith("hoffentlich bald!«")


def test_tkp_000_has_its_eleven_comments_with_authors_and_times(corpus):
    comments = corpus["000"].comments
    assert len(comments) == 11  # the page says "11 Kommentare"
    assert [c.author for c in comments] == [
        "Daisy",
        "Daisy",
        "Varus",
        "Daisy",
        "Andreas I.",
        "Daisy",
        "Andreas I.",
        "Hans Hirzel",
        "Daisy",
        "Varus",
        "Jan",
    ]
    first = comments[0]
    assert first.time == "11. Februar 2025 um 2:21 Uhr"
    assert first.timestamp == "2025-02-11T02:21"
    assert first.text.startswith("Offensichtlich will Trump längst verhandeln")
    assert first.text.endswith("Es wird erst Frieden geben, wenn Deutschland erledigt ist.")
    assert len(first.paragraphs) == 5
    assert [c.depth for c in comments] == [0, 1, 1, 2, 1, 2, 0, 0, 1, 0, 0]
    assert [c.parent for c in comments] == [None, 0, 0, 2, 0, 4, None, None, 7, None, None]
    assert [c.number for c in comments if c.depth == 0] == [1, 2, 3, 4, 5]
    assert comments[-1].text == "Trump mit Raute?"
    assert all(c.header is not None and c.author in c.header.text for c in comments)
    assert all("Uhr" not in c.text[:30] for c in comments)  # header lines stay out of the text


def test_comments_without_author_lines_are_split_by_text(corpus):
    for doc_id, expected in (("001", 14), ("003", 8)):
        comments = corpus[doc_id].comments
        assert len(comments) == expected
        assert all(c.author is None and c.time is None and c.depth is None for c in comments)
        assert all(c.note and "editorial judgement" in c.note for c in comments)
    quoted = next(c for c in corpus["001"].comments if c.text.startswith("Hallo,\n"))
    assert quoted.text.endswith("auch persönliche Treffen zu organisieren.“")
    assert corpus["003"].comments[-1].text == "Bald dürfen Ukrainer also Heim ?"
    # Every comment line of 001 is in exactly one comment.
    lines = [p.text for c in corpus["001"].comments for p in c.paragraphs]
    assert len(lines) == len(set(lines)) == 39


def test_documents_are_frozen_and_the_cache_cannot_be_corrupted():
    first = load_corpus()
    with pytest.raises(dataclasses.FrozenInstanceError):
        first[0].body = "verändert"  # type: ignore[misc]
    first.clear()
    again = load_corpus()
    assert len(again) == 5
    assert again[0] is load_corpus()[0]  # read once per process
    assert isinstance(again[0].comments, tuple)


def test_to_dict_is_json_ready(corpus):
    data = json.loads(json.dumps(corpus["000"].to_dict(), ensure_ascii=False))
    assert data["outlet"] == "TKP"
    assert data["comments"][4]["author"] == "Andreas I."
    assert data["paragraphs"][0]["kind"] == "paragraph"
    assert json.loads(json.dumps(corpus["000"].comments[0].to_dict()))["depth"] == 0


def test_corpus_root_holds_the_corpus():
    root = corpus_root()
    assert (root / "README.md").is_file()
    assert len(list((root / "raw").glob("*.txt"))) == 5
    assert len(list((root / "documents").glob("*.json"))) == 5


# ---------------------------------------------------------------- a teacher's own texts


def test_plain_text_file_is_loaded_whole_as_body(tmp_path):
    text = tmp_path / "leitartikel.txt"
    text.write_text(
        "Ein Telefonat ist noch kein Frieden\n\nErster Absatz.\nZweite Zeile.\n\n\nZweiter Absatz.\n",
        encoding="utf-8",
    )
    doc = load_document(text)
    assert doc.id == "leitartikel"
    assert doc.title == "Ein Telefonat ist noch kein Frieden"
    assert [p.text for p in doc.paragraphs] == ["Erster Absatz.\nZweite Zeile.", "Zweiter Absatz."]
    assert doc.body == "Erster Absatz.\nZweite Zeile.\n\nZweiter Absatz."
    assert doc.outlet is None and doc.comments == ()


def test_plain_text_whose_first_line_is_a_sentence_has_no_title(tmp_path):
    text = tmp_path / "notiz.txt"
    text.write_bytes(
        "\ufeffDer Kreml bestätigte das Telefonat.\r\n\r\nEin zweiter Absatz.".encode()
    )
    doc = load_document(text)
    assert doc.title is None and doc.headline is None
    assert doc.body == "Der Kreml bestätigte das Telefonat.\n\nEin zweiter Absatz."
    for paragraph in doc.paragraphs:
        assert doc.raw[paragraph.start : paragraph.end] == paragraph.text


def test_teacher_folder_with_json_entry_given_as_plain_text(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "documents").mkdir()
    raw = (
        "Kein Frieden in Sicht\n\nDer Kreml bestätigte das Telefonat.\n\n"
        "Trump sprach von einem «sehr produktiven» Gespräch.\n\nMehr zum Thema: Ukraine\n\n"
        "Leser1: Endlich redet man miteinander."
    )
    (tmp_path / "raw" / "sz.txt").write_text(raw, encoding="utf-8")
    (tmp_path / "raw" / "ohne_json.txt").write_text("Nur Text\n\nEin Absatz.", encoding="utf-8")
    entry = {
        "id": "sz1",
        "outlet": "Süddeutsche Zeitung",
        "genre": "commentary",
        "date": "2025-02-13",
        "headline": "Kein Frieden in Sicht",
        "body": [
            "Der Kreml bestätigte das Telefonat.",
            "Trump sprach von einem «sehr produktiven» Gespräch.",
        ],
        "comments": [{"author": "Leser1", "text": "Endlich redet man miteinander."}],
        "rest": ["Mehr zum Thema: Ukraine"],
    }
    (tmp_path / "documents" / "sz.json").write_text(json.dumps(entry), encoding="utf-8")
    docs = load_corpus(tmp_path)
    assert [d.id for d in docs] == ["ohne_json", "sz1"]
    sz = docs[1]
    assert sz.title == "Kein Frieden in Sicht" and sz.outlet == "Süddeutsche Zeitung"
    assert (
        sz.body
        == "Der Kreml bestätigte das Telefonat.\n\nTrump sprach von einem «sehr produktiven» Gespräch."
    )
    assert sz.comments[0].author == "Leser1"
    assert raw[sz.comments[0].start : sz.comments[0].end] == "Endlich redet man miteinander."
    assert sz.rest[0].text == "Mehr zum Thema: Ukraine"
    assert load_document(tmp_path / "raw" / "sz.txt").id == "sz1"  # finds its JSON entry
    assert docs[0].body == "Ein Absatz." and docs[0].title == "Nur Text"


def test_teacher_entry_with_a_typo_fixed_is_rejected(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "documents").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("Trump und Putin starten nach 90-Minnuten Telefonat.")
    (tmp_path / "documents" / "a.json").write_text(
        json.dumps({"body": ["Trump und Putin starten nach 90-Minuten Telefonat."]})
    )
    with pytest.raises(ValueError, match="not found verbatim"):
        load_corpus(tmp_path)


def test_teacher_entry_with_wrong_offsets_or_date_is_rejected(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "documents").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("Der Kreml bestätigte das Telefonat.", encoding="utf-8")
    entry = tmp_path / "documents" / "a.json"
    entry.write_text(json.dumps({"body": [{"start": 0, "end": 9, "text": "Die Kreml"}]}))
    with pytest.raises(ValueError, match=r"raw\[0:9\]"):
        load_document(entry)
    entry.write_text(json.dumps({"date": "13.02.2025"}))
    with pytest.raises(ValueError, match="2025-02-12"):
        load_document(entry)


def test_bad_arguments_raise_clear_errors(tmp_path):
    with pytest.raises(TypeError, match="path must be a str or Path"):
        load_document(None)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match="no such file"):
        load_document(tmp_path / "fehlt.txt")
    with pytest.raises(FileNotFoundError, match="corpus folder not found"):
        load_corpus(tmp_path / "fehlt")
    (tmp_path / "kaputt.txt").write_bytes("Gr\xfc\xdfe".encode("latin-1"))
    with pytest.raises(ValueError, match="not UTF-8"):
        load_document(tmp_path / "kaputt.txt")


def test_flat_teacher_folder_of_text_files(tmp_path):
    (tmp_path / "b_blog.txt").write_text("Totale Funkstille\n\nKeine Treffen, keine Telefonate.")
    (tmp_path / "a_agentur.txt").write_text("Der Kreml bestätigte das Telefonat.", encoding="utf-8")
    (tmp_path / "a_agentur.json").write_text(
        json.dumps({"outlet": "dpa", "genre": "agency report"})
    )
    docs = load_corpus(tmp_path)
    assert [(d.id, d.outlet) for d in docs] == [("a_agentur", "dpa"), ("b_blog", None)]
    assert docs[0].body == "Der Kreml bestätigte das Telefonat." and docs[0].title is None
    assert docs[1].title == "Totale Funkstille"
    with pytest.raises(TypeError, match="folder must be a str or Path"):
        load_corpus(42)  # type: ignore[arg-type]
    page = tmp_path / "seite.html"
    page.write_text("<html><body><p>Der Kreml bestätigte.</p></body></html>", encoding="utf-8")
    with pytest.raises(ValueError, match="text_from_html"):
        load_document(page)


def test_the_corpus_tells_which_text_is_about_which_event(corpus):
    """000 is from 10 Feb, before the call of 12 Feb: its notes and the README say so."""
    body = corpus["000"].body
    # the text itself: it reports an interview of "Freitag" and reactions of "Montag",
    # and no call of 12 February
    assert "Exklusivinterview" in body and "12. Februar" not in body
    assert any("BEFORE the Trump–Putin call of 12 February" in n for n in corpus["000"].notes)
    readme = (Path(__file__).resolve().parents[1] / "corpus" / "README.md").read_text("utf-8")
    assert "not all about the same event" in readme
    assert "000 is dated 10 February" in readme
    # the other four name or report the call of 12 February
    assert "12. Februar 2025" in corpus["004"].body
    assert corpus["002"].date == "2025-02-12"
    # 004's factual slip is kept as printed and documented
    assert "Der ehemalige US-Präsident Donald Trump" in corpus["004"].body
    assert any("ehemalige US-Präsident" in n for n in corpus["004"].notes)

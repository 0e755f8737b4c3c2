"""The four assignments of the mediakit course: text, answer keys, tests.

``build_course.py`` turns this into the nbgrader answer keys in ``source/``. Each
``Notebook`` method adds one cell: ``md`` (text), ``setup`` (read-only code),
``answer`` (autograded answer; the solution becomes the stub), ``hints`` (visible
tests with German tips, no points), ``check`` (hidden tests comparing with the
answer key's values), ``written`` (free text graded by hand, the solution is the
model answer) and ``task`` (a larger piece of work graded by hand against a mark
scheme). The rubrics for the free-text answers are in ``LEITFADEN.md``.
"""

from __future__ import annotations

from typing import Any

# Every notebook starts with the same read-only cell: the corpus by id, and the three
# texts the lessons keep coming back to.
SETUP_CORPUS = """\
import mediakit

korpus = mediakit.load_corpus()
texte = {d.id: d for d in korpus}
dpa = texte["002"]    # dpa-Meldung (Nachrichtenagentur)
blog = texte["000"]   # TKP, 10. Februar 2025: Vorgeschichte (frühere Kontakte), VOR dem Telefonat
blog2 = texte["001"]  # TKP-Blogbeitrag zum Telefonat vom 12. Februar 2025
for d in korpus:
    print(d.id, "|", d.outlet, "|", d.genre, "|", (d.title or "")[:60])"""


def lesen(layers: list[str], ids: list[str], what: str) -> tuple[str, str]:
    """A markdown cell and a read-only cell showing whole texts with mediakit.highlight."""
    text = (
        "## Erst lesen: die Texte mit den Belegen\n\n"
        f"Die folgende Zelle zeigt {what} mit `mediakit.highlight`: Jede farbige Stelle ist ein "
        "Beleg, aus dem eine Zahl dieses Notebooks entsteht (die Legende erklärt die Farben). "
        "Lesen Sie die Texte ganz. Prüfen Sie bei jeder Aufgabe an diesen Stellen, ob Sie dem "
        "Werkzeug zustimmen: Ein Werkzeug irrt sich, und einige Aufgaben fragen genau danach."
    )
    code = "\n".join(
        f"display(mediakit.highlight(texte[{i!r}].body, {layers!r}, title=texte[{i!r}].title))"
        for i in ids
    )
    return text, code


def header(
    title: str,
    goals: list[str],
    minutes: str,
    needs: list[str],
    data: list[str],
    wege: dict[str, str] | None = None,
) -> str:
    """The common header: Lernziele, Dauer, Voraussetzungen, verwendete Daten.

    ``wege`` (optional): section number -> "Basis" / "Erweiterung" (see ``WEGE``); the
    header then says which tasks belong to which path.
    """
    paths = ""
    if wege:
        basis = ", ".join(k for k, v in wege.items() if v == "Basis")
        mehr = ", ".join(k for k, v in wege.items() if v == "Erweiterung")
        paths = (
            f"\n\n**Zwei Wege.** *Basis* (für alle): {basis}. *Erweiterung* (für alle, die "
            f"schneller sind oder mehr wollen): {mehr}. Die Erweiterung gibt wenige Punkte; "
            "mit der Basis allein können Sie diese Aufgabe bestehen. In jeder Überschrift "
            "steht, zu welchem Weg die Aufgabe gehört. Wer nur die Basis macht, überspringt die "
            "Erweiterungszellen (sie dürfen leer bleiben)."
        )
    return (
        f"# {title}\n\n"
        "**Lernziele.** Nach diesem Notebook können Sie …\n"
        + "".join(f"- {g}\n" for g in goals)
        + f"\n**Dauer:** {minutes}\n\n"
        "**Voraussetzungen:**\n"
        + "".join(f"- {n}\n" for n in needs)
        + "\n**Verwendete Daten:**\n"
        + "".join(f"- {d}\n" for d in data)
        + "\n**So arbeiten Sie:** Führen Sie die Zellen von oben nach unten aus "
        "(Umschalt + Enter). Schreiben Sie Ihren Code dort, wo `# IHR CODE HIER` steht, "
        "und löschen Sie die Zeile `raise NotImplementedError()`. Textantworten schreiben "
        "Sie in die Zellen mit „IHRE ANTWORT HIER“. Zellen mit „Sichtbare Tests“ geben "
        "Ihnen Tipps; die Punkte vergeben versteckte Tests beim Bewerten. Prüfen Sie vor "
        "der Abgabe mit *Kernel → Restart Kernel and Run All Cells*, dass alles durchläuft." + paths
    )


def _keyset(keys: Any) -> str:
    """A set literal of the keys, for hidden tests: any key order is right.

    A student who writes ``{"B": ..., "A": ...}`` follows the task as well as one who
    writes them in the order of the list, so the hidden tests compare the key set
    (``dict.keys(x) == {...}``, with no builtin a student could replace).
    """
    return "{" + ", ".join(repr(k) for k in keys) + "}"


def have(names: dict[str, str]) -> str:
    """Visible test lines: the variable exists and has the right type."""
    lines = []
    for name, kind in names.items():
        lines.append(
            f"assert {name!r} in globals(), "
            f'"Tipp: Legen Sie die Variable {name} an (Schreibweise beachten)."'
        )
        lines.append(
            f"assert type({name}) is {kind}, "
            f'f"Tipp: {name} soll vom Typ {kind} sein, ist aber {{type({name}).__name__}}."'
        )
    return "\n".join(lines)


# Basis and Erweiterung: every numbered section of a notebook belongs to one path. Basis
# alone reaches a pass (BESTANDEN of all points); an Erweiterung task gives at most
# ERWEITERUNG_AUTO automatic points. ``wege_markieren`` writes the path into each heading
# and checks both rules at build time.
WEGE = {
    "lesbarkeit": {
        "1.1": "Basis",
        "1.2": "Erweiterung",
        "1.3": "Basis",
        "1.4": "Erweiterung",
        "1.5": "Basis",
        "1.6": "Basis",
        "1.8": "Basis",
    },
    "zitate": {
        "2.1": "Basis",
        "2.2": "Basis",
        "2.3": "Basis",
        "2.4": "Erweiterung",
        "2.5": "Basis",
        "2.6": "Erweiterung",
        "2.7": "Basis",
        "2.8": "Basis",
        "2.8b": "Basis",
    },
    "wertung": {
        "3.1": "Basis",
        "3.2": "Basis",
        "3.3": "Basis",
        "3.4": "Basis",
        "3.5": "Erweiterung",
        "3.6": "Basis",
        "3.7": "Basis",
    },
}
BESTANDEN = 0.5
ERWEITERUNG_AUTO = 1


def wege_punkte(nb: Any) -> dict[str, dict[str, int]]:
    """Points per path and kind: {"Basis": {"auto": n, "manual": n}, "Erweiterung": {...}}."""
    wege = WEGE[nb.name]
    current = None
    points = {w: {"auto": 0, "manual": 0} for w in ("Basis", "Erweiterung")}
    for cell in nb.cells:
        source = cell["source"]
        if cell["cell_type"] == "markdown" and source.startswith("## "):
            nr = source[3:].split(" ", 1)[0]
            if nr[:1].isdigit():
                current = wege[nr]
        meta = cell["metadata"]["nbgrader"]
        if meta.get("grade") or meta.get("task"):
            kind = "auto" if cell["cell_type"] == "code" else "manual"
            points[current][kind] += meta["points"]
    return points


def wege_markieren(nb: Any) -> None:
    """Write Basis/Erweiterung into every numbered heading; check the two rules."""
    wege = WEGE[nb.name]
    seen = []
    for cell in nb.cells:
        source = cell["source"]
        if cell["cell_type"] != "markdown" or not source.startswith("## "):
            continue
        first, _, rest = source.partition("\n")
        nr = first[3:].split(" ", 1)[0]
        if not nr[:1].isdigit():
            continue
        if nr not in wege:
            raise AssertionError(f"{nb.name}: section {nr} has no path in WEGE")
        seen.append(nr)
        cell["source"] = f"{first} · *{wege[nr]}*" + (f"\n{rest}" if rest else "")
    missing = set(wege) - set(seen)
    assert not missing, f"{nb.name}: WEGE names sections the notebook lacks: {sorted(missing)}"
    points = wege_punkte(nb)
    total = sum(sum(p.values()) for p in points.values())
    basis = sum(points["Basis"].values())
    assert basis >= BESTANDEN * total, f"{nb.name}: Basis alone ({basis}/{total}) cannot pass"
    current = None
    for cell in nb.cells:
        source = cell["source"]
        if cell["cell_type"] == "markdown" and source.startswith("## "):
            nr = source[3:].split(" ", 1)[0]
            current = wege.get(nr, current)
        meta = cell["metadata"]["nbgrader"]
        if current == "Erweiterung" and meta.get("grade") and cell["cell_type"] == "code":
            assert meta["points"] <= ERWEITERUNG_AUTO, (
                f"{nb.name}: Erweiterung task {meta['grade_id']} gives {meta['points']} points"
            )


# ---------------------------------------------------------------------------------------
# 1 Lesbarkeit
# ---------------------------------------------------------------------------------------

ABSATZ = (
    "US-Präsident Donald Trump hat mit Kremlchef Wladimir Putin telefoniert und sofortige "
    "Verhandlungen über ein Ende des russischen Angriffskrieges gegen die Ukraine vereinbart. "
    "Das teilte Trump im Anschluss an das Gespräch auf der Online-Plattform Truth Social mit. "
    "Der Kreml bestätigte das Telefonat."
)


# Belegprüfung 1.8: what the two counting tools say at one place of a text (a sentence
# end, or the syllables of one word), with the course's hand verdict. The verdicts come
# from reading the texts aloud: spoken syllables, sentences as a reader sees them.
# ``tool``/``kind``/``value`` are the claim; ``lesbarkeit_angabe`` computes it from the
# live tools and the build fails, naming the item, when a tool now says otherwise.
BELEGE_LESBARKEIT = {
    "A": {
        "text": "004",
        "excerpt": "am 12.",
        "tool": "textstat",
        "kind": "satzende",
        "value": True,
        "verdict": "falsch",
        "why": "„am 12. Februar 2025“: Der Punkt macht die Zahl zur Ordinalzahl (ein Datum), "
        "der Satz geht weiter.",
    },
    "B": {
        "text": "001",
        "excerpt": "nur eine 3.",
        "tool": "mediakit",
        "kind": "satzende",
        "value": True,
        "verdict": "richtig",
        "why": "„… auf einer Skala von 1 bis 10 nur eine 3. Er schlug vor …“: Hier endet der Satz "
        "nach einer Zahl, der nächste beginnt mit „Er“.",
    },
    "C": {
        "text": "001",
        "excerpt": "Wladimir Putin.",
        "tool": "mediakit",
        "kind": "satzende",
        "value": False,
        "verdict": "strittig",
        "why": "Der Punkt steht mitten in Trumps wörtlichem Zitat, das aus mehreren Sätzen "
        "besteht. Liest man Satz für Satz, endet hier einer; zählt man das ganze Zitat als "
        "einen Satz des Autors (so mediakit), nicht.",
    },
    "D": {
        "text": "002",
        "excerpt": "Die Botschaft aus dem Kreml",
        "tool": "mediakit",
        "kind": "satzende",
        "value": True,
        "verdict": "richtig",
        "why": "Eine Zwischenüberschrift ohne Punkt ist eine eigene Einheit; hängt man sie an den "
        "nächsten Satz (so textstat), entsteht ein Satz, den niemand so liest.",
    },
    "E": {
        "text": "001",
        "excerpt": "MENSCHENVERSTAND",
        "tool": "mediakit",
        "kind": "silben",
        "value": 16,
        "verdict": "falsch",
        "why": "Ein Wort in Großbuchstaben ist hier keine Abkürzung: Men-schen-ver-stand hat "
        "4 Silben; mediakit buchstabiert es wie „USA“.",
    },
    "F": {
        "text": "002",
        "excerpt": "Telefonat",
        "tool": "mediakit",
        "kind": "silben",
        "value": 4,
        "verdict": "richtig",
        "why": "Te-le-fo-nat: 4 gesprochene Silben.",
    },
    "G": {
        "text": "001",
        "excerpt": "Steve",
        "tool": "mediakit",
        "kind": "silben",
        "value": 2,
        "verdict": "falsch",
        "why": "Der englische Vorname Steve wird mit einer Silbe gesprochen; das stumme e am "
        "Ende ist keine Silbe.",
    },
    "H": {
        "text": "001",
        "excerpt": "Zusammenarbeit",
        "tool": "textstat",
        "kind": "silben",
        "value": 7,
        "verdict": "falsch",
        "why": "Zu-sam-men-ar-beit: 5 Silben; die Silbentrennung zerlegt das Wort an mehr "
        "Stellen, als man spricht.",
    },
}


def lesbarkeit_claim(item: dict[str, Any]) -> str:
    """The claim of a Belegprüfung 1.8 item as the students read it (German)."""
    if item["kind"] == "silben":
        return f"{item['tool']} zählt {item['value']} Silben in „{item['excerpt']}“"
    end = "Satzende" if item["value"] else "kein Satzende"
    return f"{item['tool']}: {end} nach „{item['excerpt']}“"


def lesbarkeit_angabe(item: dict[str, Any], body: str) -> Any:
    """What the live tool says today at the item's place (``value`` of the claim)."""
    import mediakit
    from mediakit.readability import textstat_word_syllables

    start = body.find(item["excerpt"])
    if start < 0:
        raise ValueError(f"1.8: {item['excerpt']!r} is no longer in text {item['text']}")
    end = start + len(item["excerpt"])
    r = mediakit.readability(body)
    if item["kind"] == "silben":
        if item["tool"] == "textstat":
            return textstat_word_syllables(item["excerpt"])
        return next(w.syllables for w in r.word_counts if w.start == start)
    if item["tool"] == "textstat":
        ends = [e for _, e, _ in r.textstat.sentence_pieces]
    else:
        ends = [s.end for s in r.document.sentences]
    # a sentence end right after the excerpt (a closing quote mark may follow)
    return any(end <= e <= end + 2 and not body[end:e].strip("“”»«\"'‘’") for e in ends)


def _belege_pruefen(
    task: str, table: str, belege: dict[str, Any], korpus: dict[str, Any], live_of: Any, key: str
) -> None:
    """Build-time check: every tool claim a Belegprüfung shows is what the tool says today."""
    for letter, item in belege.items():
        live = live_of(item, korpus[item["text"]].body)
        if live != item[key]:
            raise AssertionError(
                f"{task} Belegprüfung, item {letter}: {item.get('tool', 'mediakit')} now gives "
                f"{live!r} at {item['excerpt']!r} (course says {item[key]!r}); review "
                f"{table} in exercises/course_content.py"
            )


def _belege_lesbarkeit_pruefen(korpus: dict[str, Any]) -> None:
    """Build-time check: every claim 1.8 shows is what the tools say today."""
    _belege_pruefen(
        "1.8", "BELEGE_LESBARKEIT", BELEGE_LESBARKEIT, korpus, lesbarkeit_angabe, "value"
    )


def lesbarkeit(Notebook: Any) -> Any:
    nb = Notebook("01_lesbarkeit", "lesbarkeit")
    nb.md(
        header(
            "Aufgabe 1: Wie schwer ist ein Text zu lesen?",
            [
                "Sätze, Wörter und Silben eines Absatzes von Hand zählen und begründen, wo "
                "Zählregeln nötig sind,",
                "die Lesbarkeitsformeln Flesch-Amstad und LIX anwenden,",
                "die Zählungen von textstat und mediakit vergleichen und Abweichungen erklären,",
                "die dpa-Meldung mit einem Blogbeitrag vergleichen und die Grenzen solcher "
                "Formeln benennen.",
            ],
            "60–75 Minuten",
            [
                "Variablen, Zahlen und Funktionsaufrufe in Python (ein Einführungskurs genügt)",
                "keine Vorkenntnisse in Linguistik",
            ],
            [
                "Korpus von mediakit: die dpa-Meldung zum Telefonat Trump–Putin (12.02.2025) "
                "und der Beitrag des Blogs TKP zum selben Telefonat (`blog2`)",
                "ein Absatz aus der dpa-Meldung (unten abgedruckt)",
            ],
            WEGE["lesbarkeit"],
        )
    )
    nb.setup(SETUP_CORPUS)
    for cell, kind in zip(
        lesen(["long_sentences", "long_words"], ["002", "001"], "die dpa-Meldung und `blog2`"),
        ("md", "setup"),
        strict=True,
    ):
        getattr(nb, kind)(cell)
    nb.md(
        "## 1.1 Von Hand zählen\n\n"
        "Lesen Sie den folgenden Absatz aus der dpa-Meldung. Zählen Sie **von Hand** (ohne "
        "Programm!)\n\n"
        "- die Sätze,\n"
        "- die Wörter (ein Wort mit Bindestrich wie *US-Präsident* zählt als **ein** Wort),\n"
        "- die Silben, so wie man sie **spricht** (*Te-le-fo-nat* = 4; *US* spricht man "
        "*U-Es* = 2).\n\n"
        f"> {ABSATZ}\n\n"
        "Speichern Sie Ihre Zahlen als ganze Zahlen in `saetze_hand`, `woerter_hand` und "
        "`silben_hand`, z. B. `saetze_hand = 2`. Kleine Abweichungen bei Wörtern und Silben "
        "werden toleriert."
    )
    nb.setup(f"ABSATZ = {ABSATZ!r}\nprint(ABSATZ)")
    nb.answer(
        "a1_hand",
        "saetze_hand = 3\nwoerter_hand = 41\nsilben_hand = 85",
    )
    nb.hints(
        "a1_hand",
        have({"saetze_hand": "int", "woerter_hand": "int", "silben_hand": "int"})
        + "\nassert 1 <= saetze_hand <= 10, 'Tipp: Ein Satz endet meist mit einem Punkt.'"
        + "\nassert woerter_hand > saetze_hand, 'Tipp: Es gibt mehr Wörter als Sätze.'"
        + "\nassert silben_hand >= woerter_hand, 'Tipp: Jedes Wort hat mindestens eine Silbe.'",
    )
    nb.hidden(
        "a1_hand",
        3,
        "assert _T(saetze_hand) is _I and saetze_hand == 3, "
        '"`saetze_hand`: Zählen Sie die Sätze noch einmal (ganze Zahl, int)."\n'
        "assert _T(woerter_hand) is _I and 40 <= woerter_hand <= 42, "
        '"`woerter_hand` liegt zu weit daneben: Ein Wort mit Bindestrich zählt als eines."\n'
        "assert _T(silben_hand) is _I and 81 <= silben_hand <= 89, "
        '"`silben_hand` liegt zu weit daneben: Zählen Sie die gesprochenen Silben."',
        uses_mediakit=False,
    )
    nb.md(
        "**Frage 1.1 (Text):** Bei welchen Wörtern oder Stellen waren Sie beim Zählen "
        "unsicher? Nennen Sie mindestens zwei Beispiele und die Regel, für die Sie sich "
        "entschieden haben."
    )
    nb.written(
        "a1_unsicher",
        2,
        "Unsicher war ich bei *US-Präsident* und *Online-Plattform*: Ich habe sie nach der "
        "Vorgabe als je ein Wort gezählt, obwohl man auch zwei Wörter sehen kann. Bei den "
        "Silben waren *US* (gesprochen U-Es = 2), *Ukraine* (U-kra-i-ne = 4 oder U-krai-ne = "
        "3), *Online* und *Social* (englische Aussprache: on-lain, sou-schel) schwierig. Ich "
        "habe gezählt, wie man die Wörter spricht, nicht wie man sie trennt.",
    )

    nb.md(
        "## 1.2 Zählen mit textstat\n\n"
        "Das Paket `textstat` ist ein verbreitetes Werkzeug für Lesbarkeitsformeln. Mit "
        '`textstat.set_lang("de")` schaltet man auf Deutsch um. Ermitteln Sie mit\n'
        "`textstat.sentence_count`, `textstat.lexicon_count` und `textstat.syllable_count` "
        "die Zahl der Sätze, Wörter und Silben des Absatzes und speichern Sie sie in "
        "`ts_saetze`, `ts_woerter`, `ts_silben`."
    )
    nb.answer(
        "a1_textstat",
        "ts_saetze = textstat.sentence_count(ABSATZ)\n"
        "ts_woerter = textstat.lexicon_count(ABSATZ)\n"
        "ts_silben = textstat.syllable_count(ABSATZ)\n"
        "print(ts_saetze, ts_woerter, ts_silben)",
        before='import textstat\n\ntextstat.set_lang("de")',
    )
    nb.hints(
        "a1_textstat",
        have({"ts_saetze": "int", "ts_woerter": "int", "ts_silben": "int"})
        + "\nassert ts_woerter > 20, 'Tipp: lexicon_count zählt die Wörter des ganzen ABSATZ.'",
    )
    nb.check("a1_textstat", 1, ["ts_saetze", "ts_woerter", "ts_silben"], uses_mediakit=False)

    nb.md(
        "## 1.3 Zählen mit mediakit\n\n"
        "`mediakit.readability(text)` zählt mit eigenen Regeln für das Deutsche (gesprochene "
        "Silben, Abkürzungen, Datumsangaben). Das Ergebnis hat unter anderem die Attribute "
        "`sentences`, `words`, `syllables` und `flesch_amstad`. Speichern Sie das Ergebnis "
        "für den Absatz in `mk` und die drei Zahlen in `mk_saetze`, `mk_woerter`, `mk_silben`."
    )
    nb.answer(
        "a1_mediakit",
        "mk = mediakit.readability(ABSATZ)\n"
        "mk_saetze = mk.sentences\n"
        "mk_woerter = mk.words\n"
        "mk_silben = mk.syllables\n"
        "print(mk_saetze, mk_woerter, mk_silben)",
    )
    nb.hints(
        "a1_mediakit",
        have({"mk_saetze": "int", "mk_woerter": "int", "mk_silben": "int"})
        + "\nassert mk_saetze < mk_woerter < mk_silben, "
        "'Tipp: Sätze < Wörter < Silben. Haben Sie die Attribute verwechselt?'",
    )
    nb.check("a1_mediakit", 2, ["mk_saetze", "mk_woerter", "mk_silben"])

    nb.md(
        "## 1.4 Die Formeln selbst anwenden\n\n"
        "Die deutsche Fassung der Flesch-Formel (Amstad 1978) lautet\n\n"
        "$$\\text{FRE} = 180 - \\text{ASL} - 58{,}5 \\cdot \\text{ASW}$$\n\n"
        "mit ASL = Wörter pro Satz und ASW = Silben pro Wort. Hohe Werte (über 60) bedeuten "
        "leicht, niedrige (unter 30) schwer lesbar. Der Lesbarkeitsindex LIX (Björnsson) ist\n\n"
        "$$\\text{LIX} = \\frac{\\text{Wörter}}{\\text{Sätze}} + 100 \\cdot "
        "\\frac{\\text{lange Wörter}}{\\text{Wörter}}$$\n\n"
        "wobei lange Wörter mehr als sechs Buchstaben haben. Schreiben Sie zwei Funktionen "
        "`flesch_amstad(saetze, woerter, silben)` und `lix(saetze, woerter, lange_woerter)`, "
        "die jeweils eine Kommazahl (`float`) zurückgeben. Sie dürfen annehmen, dass keine "
        "Zahl 0 ist."
    )
    nb.answer(
        "a1_formeln",
        "def flesch_amstad(saetze, woerter, silben):\n"
        "    return 180 - woerter / saetze - 58.5 * silben / woerter\n"
        "\n"
        "\n"
        "def lix(saetze, woerter, lange_woerter):\n"
        "    return woerter / saetze + 100 * lange_woerter / woerter\n"
        "\n"
        "\n"
        "print(flesch_amstad(saetze_hand, woerter_hand, silben_hand))",
    )
    nb.hints(
        "a1_formeln",
        "assert callable(flesch_amstad) and callable(lix), 'Tipp: Definieren Sie beide "
        "Funktionen mit def.'\n"
        "assert type(flesch_amstad(1, 10, 15)) is float, 'Tipp: flesch_amstad soll einen float "
        "zurückgeben (mit / statt // rechnen).'\n"
        "assert type(lix(1, 10, 5)) is float, 'Tipp: lix soll einen float zurückgeben.'\n"
        "assert flesch_amstad(1, 10, 10) > flesch_amstad(1, 10, 20), 'Tipp: Mehr Silben pro "
        "Wort machen einen Text schwerer, der Wert muss sinken.'",
    )
    formula_cases = [(3, 41, 85), (1, 10, 15), (7, 120, 190), (2, 9, 9)]
    lix_cases = [(3, 41, 15), (1, 10, 5), (7, 120, 30), (2, 9, 0)]
    flesch_lines = "\n".join(
        f"_r = flesch_amstad({s}, {w}, {y})\n"
        f"assert _T(_r) is _F and -1e-6 <= _r - {180 - w / s - 58.5 * y / w!r} <= 1e-6, "
        '"`flesch_amstad` rechnet nicht nach der Formel: ASL = Wörter/Sätze, '
        'ASW = Silben/Wörter; das Ergebnis ist ein float."'
        for s, w, y in formula_cases
    )
    lix_lines = "\n".join(
        f"_r = lix({s}, {w}, {lw})\n"
        f"assert _T(_r) is _F and -1e-6 <= _r - {w / s + 100 * lw / w!r} <= 1e-6, "
        '"`lix` rechnet nicht nach der Formel: Wörter/Sätze + 100 · lange Wörter/Wörter; '
        'das Ergebnis ist ein float."'
        for s, w, lw in lix_cases
    )
    nb.hidden("a1_formeln", 1, flesch_lines + "\n" + lix_lines, uses_mediakit=False)

    nb.md(
        "## 1.5 dpa und Blog im Vergleich\n\n"
        "Berechnen Sie mit mediakit den Flesch-Wert (Amstad) und die Wiener Sachtextformel 1 "
        "(`wstf1`, ungefähr die Schulstufe, für die ein Text passt) für den **Haupttext** "
        "(`.body`) der dpa-Meldung `dpa` und des Blogbeitrags `blog2` (beide über das Telefonat vom "
        "12. Februar; `blog` ist zwei Tage älter und handelt von früheren Kontakten). "
        "Speichern Sie die Werte "
        "in `flesch_dpa`, `flesch_blog`, `wstf_dpa`, `wstf_blog`. Setzen Sie `leichter` auf "
        '`"dpa"` oder `"blog"`, je nachdem, welcher Text nach Flesch leichter zu lesen ist '
        "(lassen Sie das Programm entscheiden, nicht Ihr Gefühl)."
    )
    nb.answer(
        "a1_vergleich",
        "r_dpa = mediakit.readability(dpa.body)\n"
        "r_blog = mediakit.readability(blog2.body)\n"
        "flesch_dpa = r_dpa.flesch_amstad\n"
        "flesch_blog = r_blog.flesch_amstad\n"
        "wstf_dpa = r_dpa.wstf1\n"
        "wstf_blog = r_blog.wstf1\n"
        'leichter = "dpa" if flesch_dpa > flesch_blog else "blog"\n'
        "print(flesch_dpa, flesch_blog, wstf_dpa, wstf_blog, leichter)",
    )
    nb.hints(
        "a1_vergleich",
        have(
            {
                "flesch_dpa": "float",
                "flesch_blog": "float",
                "wstf_dpa": "float",
                "wstf_blog": "float",
                "leichter": "str",
            }
        )
        + "\nassert leichter in ('dpa', 'blog'), 'Tipp: leichter ist \"dpa\" oder \"blog\".'"
        + "\nassert -50 < flesch_dpa < 120, 'Tipp: Haben Sie .body verwendet und flesch_amstad?'",
    )
    nb.check(
        "a1_vergleich",
        3,
        ["flesch_dpa", "flesch_blog", "wstf_dpa", "wstf_blog", "leichter"],
        tol=0.01,
    )

    nb.md(
        "## 1.6 Wo sind sich die Werkzeuge uneinig?\n\n"
        "Die folgende Zelle stellt textstat und mediakit für die dpa-Meldung nebeneinander. "
        "Führen Sie sie aus und vergleichen Sie die Satz-, Wort- und Silbenzahlen."
    )
    nb.setup(
        "import textstat\n\n"
        'textstat.set_lang("de")\n'
        "r = mediakit.readability(dpa.body)\n"
        'print("           textstat  mediakit")\n'
        'print(f"Sätze    {textstat.sentence_count(dpa.body):9d} {r.sentences:9d}")\n'
        'print(f"Wörter   {textstat.lexicon_count(dpa.body):9d} {r.words:9d}")\n'
        'print(f"Silben   {textstat.syllable_count(dpa.body):9d} {r.syllables:9d}")\n'
        'print(f"Flesch   {textstat.flesch_reading_ease(dpa.body):9.1f} {r.flesch_amstad:9.1f}")'
    )
    nb.md(
        "**Frage 1.6 (Text):** Nennen Sie zwei Gründe, warum textstat und mediakit "
        "unterschiedliche Zahlen liefern. Denken Sie an Satzgrenzen (Abkürzungen, Datumsangaben, "
        "Zitate) und an Silben (gesprochene Silben gegenüber Silbentrennung). Welche Zählung "
        "passt besser zu Ihrer Handzählung aus 1.1?"
    )
    nb.written(
        "a1_abweichung",
        3,
        "1. Satzgrenzen: textstat trennt Sätze an jedem Punkt, auch in Datums- und "
        "Zeitangaben wie *12.02.2025 - 18:27:49* oder nach Abkürzungen; mediakit kennt diese "
        "Fälle und trennt auch nicht innerhalb eines Zitats. Mehr Sätze machen die Sätze "
        "kürzer und den Text scheinbar leichter.\n"
        "2. Silben: textstat zählt Silben über die Silbentrennung (pyphen). Wörter wie *US* "
        "(gesprochen U-Es) oder *Ukraine* werden dabei anders gezählt als gesprochen; die "
        "deutschen Formeln wurden aber mit gesprochenen Silben entwickelt.\n"
        "Meine Handzählung liegt näher an mediakit, weil ich gesprochene Silben gezählt habe.",
    )
    nb.md(
        "**Frage 1.7 (Text):** Beide Flesch-Werte liegen unter 50, beide Texte gelten also "
        "als schwer lesbar, obwohl sich die Texte in Ton und Quellen stark unterscheiden. Was sagt "
        "ein Lesbarkeitswert über die *Qualität* eines Textes aus, und was nicht?"
    )
    # The sentence above must stay true for the live figures.
    assert max(nb.value("flesch_dpa"), nb.value("flesch_blog")) < 50, "1.7: text is stale"
    nb.written(
        "a1_grenzen",
        2,
        "Der Flesch-Wert misst nur die Länge von Sätzen und Wörtern. Er sagt, wie viel Mühe "
        "das Lesen macht, aber nichts darüber, ob die Aussagen stimmen, ob Quellen genannt "
        "werden oder ob der Text wertet. Ein kurzer, einfacher Satz kann falsch oder "
        "einseitig sein. Qualität muss man deshalb zusätzlich an Quellen, Belegen und "
        "Wortwahl prüfen (Aufgaben 2 und 3).",
    )
    _belege_lesbarkeit_pruefen(nb.value("texte"))
    belegpruefung(
        nb,
        "a1_belege",
        "pruefung_zaehlung",
        {k: {**v, "claim": lesbarkeit_claim(v)} for k, v in BELEGE_LESBARKEIT.items()},
        "Angabe",
        "## 1.8 Belegprüfung: Wer zählt richtig?\n\n"
        "Jede Lesbarkeitszahl beruht auf Zählungen, und beide Werkzeuge irren sich manchmal. "
        f"Die folgende Zelle zeigt {len(BELEGE_LESBARKEIT)} Stellen aus dem Korpus: Was "
        "textstat oder mediakit dort zählt (ein Satzende oder die Silben eines Wortes), "
        "und den Textzusammenhang. Prüfen Sie jede Angabe selbst: Lesen Sie die Stelle "
        "laut (gesprochene Silben, wie in 1.1) und fragen Sie bei einem Satzende: Endet "
        "hier für eine Leserin wirklich ein Satz? `'strittig'` passt, wenn zwei Lesarten "
        "vertretbar sind.",
        # The feedback of a counting check asks about counting, not about speakers.
        hint="Lesen Sie jede Stelle laut: Wie viele Silben spricht man, und endet dort "
        "für eine Leserin wirklich ein Satz?",
    )
    nb.md(
        "**Frage 1.8 (Text):** Wählen Sie zwei Stellen aus 1.8 und begründen Sie Ihr Urteil. "
        "Was bedeutet ein Zählfehler dieser Art für den Flesch-Wert eines Textes: Wird der "
        "Text dadurch leichter oder schwerer, als er ist?"
    )
    nb.written(
        "a1_belege_warum",
        2,
        "A ist falsch: In „am 12. Februar 2025“ macht der Punkt die 12 zur Ordinalzahl, der "
        "Satz geht weiter. textstat zählt dadurch einen Satz zu viel; mehr und kürzere Sätze "
        "machen den Text nach Flesch scheinbar leichter. E ist falsch: „MENSCHENVERSTAND“ ist "
        "keine Abkürzung, sondern ein großgeschriebenes Wort mit 4 Silben (Men-schen-ver-"
        "stand); mediakit buchstabiert es und zählt 16. Zu viele Silben machen den Text "
        "scheinbar schwerer. Ein einzelner Fehler ändert den Wert eines langen Textes kaum, "
        "aber viele gleichartige Fehler (Daten, Großbuchstaben, englische Namen) verschieben "
        "ihn in eine Richtung.",
    )
    wege_markieren(nb)
    return nb


# ---------------------------------------------------------------------------------------
# 2 Zitate und Quellen
# ---------------------------------------------------------------------------------------

BEISPIEL_ZITAT = (
    "Der Kreml bestätigte das Telefonat. «Wir sind übereingekommen, sehr eng "
    "zusammenzuarbeiten», schrieb Trump. Aus Regierungskreisen hieß es, man sei überrascht."
)


# The speaker types of ``find_quotes`` and the key for "no speaker": the task texts of
# 2.4 and 2.6, their answer keys and the hidden tests all read this one definition.
SPRECHERTYPEN = {
    "named": "eine namentlich genannte Person oder Stelle",
    "pronoun": "nur ein Pronomen (*er*, *sie*)",
    "anonymous": "eine anonyme Quelle (*aus Kreisen*)",
    "outlet": "ein Medium (Zeitung, Agentur, Website)",
    "keiner": "kein Sprecher (`speaker is None`)",
}
TABELLE_SCHLUESSEL = ["zitate", *SPRECHERTYPEN]

# The course's own hand annotation (read from the texts, not from the tool), against
# which tests/test_course.py checks the graded expected values of 2.3 and 2.5.
# 2.3: the passages of the dpa body in reported speech without a speech verb of their
# own (free indirect speech), one sentence per entry. "Es sollten …" is reported speech
# too: where the Konjunktiv I sounds like the indicative (sie sollen), the Konjunktiv II
# stands in. dpa's own sentences in the indicative ("Seit seinem Amtsantritt hatte
# Trump wiederholt auffallend ausweichend …") are NOT reported speech.
HAND_KONJUNKTIV_DPA = [
    "Es sollten sofort Verhandlungen beginnen, um den Krieg in der Ukraine zu beenden.",
    "Als Erstes werde er den ukrainischen Präsident Wolodymyr Selenskyj über das Gespräch "
    "informieren.",
    "Putin habe Trump nach Moskau eingeladen.",
]
# 2.5: every word or phrase in quotation marks in the body of 001, read in context:
# "ja" = the author distances himself from the word (no one is quoted), "nein" = a
# quotation of someone's words, "strittig" = both readings hold.
HAND_ANFUEHRUNG_001 = {
    "„die Macht des Dollars“": ("nein", "Trumps eigene Worte aus seinem Post (Themenliste)"),
    "„verschiedene andere Themen“": ("nein", "Trumps eigene Worte aus seinem Post"),
    "„Errungenschaft“": ("ja", "niemand hat das Wort gesagt; der Autor spottet darüber"),
    "„das Töten beenden möchte“": ("nein", "Putins Worte, wie Trump sie wiedergibt"),
    "„GESUNDER MENSCHENVERSTAND“": ("nein", "Trumps Wahlkampfmotto, von ihm zitiert"),
    "„informieren“": (
        "strittig",
        "Trumps Wort (er werde Selenskyj informieren), zugleich Zweifel des Autors, "
        "ob es nur ein Informieren war",
    ),
}

# Belegprüfung 2.7: tool hits about who speaks, with the course's hand verdict.
# ``claim`` is what find_quotes says today (tests/test_course.py checks it against the
# live tool, so a changed tool makes the course be reviewed, never silently regraded);
# ``verdict`` is our reading of the text: "richtig", "falsch" or "strittig".
BEWERTUNGEN = ["richtig", "falsch", "strittig"]
BELEGE_ZITATE = {
    "A": {
        "text": "000",
        "excerpt": "dass die EU und die Ukraine an allen Verhandlungen teilnehmen sollten",
        "claim": "Die Europäische Kommission",
        "verdict": "richtig",
        "why": "Die Quelle steht im selben Satz: „Die Europäische Kommission lehnte es "
        "ab, … und erklärte außerdem, dass …“.",
    },
    "B": {
        "text": "002",
        "excerpt": "Trump war in seiner ersten Amtszeit (2017 bis 2021) immer wieder ein "
        "Schmusekurs mit Putin vorgeworfen worden.",
        "claim": None,
        "verdict": "richtig",
        "why": "Passiv ohne Urheber: Wer Trump den Schmusekurs vorwirft, sagt die dpa nicht. "
        "Das Wort ist also ein wiedergegebener Vorwurf, nicht dpas eigenes Urteil.",
    },
    "C": {
        "text": "002",
        "excerpt": "Putin habe Trump nach Moskau eingeladen.",
        "claim": "Kremlsprecher Dmitri Peskow",
        "verdict": "richtig",
        "why": "Der Konjunktiv I setzt die Wiedergabe aus dem Absatz davor fort („sagte "
        "Kremlsprecher Dmitri Peskow“).",
    },
    "D": {
        "text": "003",
        "excerpt": "Auf jeden Fall sei Putin bereit zu verhandeln.",
        "claim": None,
        "verdict": "falsch",
        "why": "Der Konjunktiv I setzt den Bericht der Agentur TASS aus dem Absatz davor fort "
        "(„berichtet die russische Nachrichtenagentur TASS“).",
    },
    "E": {
        "text": "004",
        "excerpt": "Der russische Präsident habe Trumps Wunsch",
        "claim": None,
        "verdict": "falsch",
        "why": "Der Satz hat eine Quelle: Er gibt die Stellungnahme des Kremls wieder, von der "
        "die Sätze davor sprechen („Auch der Kreml … veröffentlichte eine eigene "
        "Stellungnahme. Darin wurde …“).",
    },
    "F": {
        "text": "004",
        "excerpt": "Selenskyj zu informieren",
        "claim": "Beide Staatschefs",
        "verdict": "falsch",
        "why": "„Trump versprach, Selenskyj zu informieren“: Das verspricht Trump allein.",
    },
}


def _belege_zeilen() -> str:
    """The setup code that prints each hit of the Belegprüfung with its context."""
    items = {k: (v["text"], v["excerpt"], v["claim"]) for k, v in BELEGE_ZITATE.items()}
    return (
        f"BELEGE = {items!r}\n"
        "for _k, (_id, _stelle, _sprecher) in BELEGE.items():\n"
        "    _body = texte[_id].body\n"
        "    _i = _body.find(_stelle)\n"
        "    print(f'{_k} | Text {_id} | mediakit: Sprecher = {_sprecher!r}')\n"
        "    print('   …' + _body[max(0, _i - 320):_i + len(_stelle) + 40].replace('\\n', ' ') + '…')\n"
        "    print()"
    )


# 2.8: the sources of a text as mediakit groups them (``analyze(text).quotes.sources``).
# Graded values where the tool agrees with our reading of the texts:
HAND_QUELLENTYPEN_DPA = ["anonymous", "institution", "person"]  # Trump/Peskow, Moskau, the
# unnamed accusers of the Schmusekurs; no outlet: the dpa quotes no other medium
HAND_MEISTE_MEDIEN = "004"  # Bitcoin.com News, Guardian, New York Post, CNBC, Economic Times
# Belegprüfung 2.8: rows of the source tables (which source a mention belongs to, and its
# type), with the course's hand verdict. ``excerpt`` is where the mention (or, without a
# mention, the quotation) stands; ``claim`` is [source name, type] as the tool gives it
# today (``quellen_angabe`` computes it; the build fails naming the item when it changes).
BELEGE_QUELLEN = {
    "A": {
        "text": "002",
        "excerpt": "Schmusekurs",
        "mention": None,
        "claim": ["ungenannte Quelle", "anonymous"],
        "verdict": "richtig",
        "why": "„… war immer wieder ein Schmusekurs mit Putin vorgeworfen worden“: Wer den "
        "Vorwurf erhebt, sagt die dpa nicht.",
    },
    "B": {
        "text": "002",
        "excerpt": "Er verwies",
        "mention": "Er",
        "claim": ["Putin", "person"],
        "verdict": "richtig",
        "why": "„Er verwies in dem Telefonat aber darauf …“: Im Telefonat sprach Putin; „Er“ "
        "ist Putin aus dem Satz davor, nicht der Kremlsprecher Peskow, der zuletzt zitiert wurde.",
    },
    "C": {
        "text": "002",
        "excerpt": "Darstellung Moskaus",
        "mention": "Darstellung Moskaus",
        "claim": ["Moskau", "institution"],
        "verdict": "richtig",
        "why": "„Nach Darstellung Moskaus …“: die russische Führung als Stelle, keine Person.",
    },
    "D": {
        "text": "001",
        "excerpt": "die USA von der Ukraine",
        "mention": "die USA von der Ukraine",
        "claim": ["USA von der Ukraine", "institution"],
        "verdict": "falsch",
        "why": "Der Satz gehört zu der Liste nach „Hegseth gab kurz gefasst folgende "
        "Erklärungen ab:“ – es ist Hegseths Aussage. „Die USA von der Ukraine“ ist keine "
        "Quelle, und „von der Ukraine“ gehört nicht einmal zum Namen.",
    },
    "E": {
        "text": "001",
        "excerpt": "Seiner Meinung",
        "mention": "Seiner Meinung",
        "claim": ["Kellogg", "person"],
        "verdict": "richtig",
        "why": "Die Sätze davor handeln von Keith Kellogg („Kellogg hatte sich offen für … "
        "ausgesprochen“): Es ist Kelloggs Meinung, nicht die des zuletzt zitierten Trump.",
    },
    "F": {
        "text": "001",
        "excerpt": "die Berichte",
        "mention": "die Berichte",
        "claim": ["Berichte", "anonymous"],
        "verdict": "richtig",
        "why": "„… so die Berichte“: Welche Berichte, sagt der Blog nicht – eine anonyme Quelle.",
    },
    "G": {
        "text": "000",
        "excerpt": "er der Post",
        "mention": "er",
        "claim": ["Präsident Trump", "person"],
        "verdict": "richtig",
        "why": "„Präsident Trump hat … telefoniert, …, sagte er der Post“: „er“ ist Trump, "
        "dieselbe Quelle wie „Präsident Trump“.",
    },
    "H": {
        "text": "004",
        "excerpt": 'Der "Guardian" berichtet außerdem',
        "mention": 'Der "Guardian"',
        "claim": ["Guardian", "outlet"],
        "verdict": "richtig",
        "why": "Der „Guardian“ ist eine Zeitung; 004 gibt Hegseths Aussagen über sie wieder.",
    },
}


def quellen_angabe(item: dict[str, Any], body: str) -> list[Any]:
    """[name, type] of the source mediakit gives the item's mention (or quotation) today."""
    import mediakit

    p = body.find(item["excerpt"])
    if p < 0:
        raise ValueError(f"2.8: {item['excerpt']!r} is no longer in text {item['text']}")
    sources = mediakit.analyze(body).quotes.sources
    for s in sources:
        if any(m.start <= p < m.end for m in s.mentions):
            return [s.name, s.source_type]
    for s in sources:
        if not s.mentions and any(q.start <= p < q.end for q in s.quotations):
            return [s.name, s.source_type]
    return [None, None]


def quellen_claim(item: dict[str, Any]) -> str:
    """The claim of a Belegprüfung 2.8 item as the students read it."""
    name, typ = item["claim"]
    if item["mention"] is None:
        return f"Quelle „{name}“ ({typ}), ohne Erwähnung im Text"
    return f"„{item['mention']}“ gehört zur Quelle „{name}“ ({typ}){item.get('zusatz', '')}"


def _belege_quellen_pruefen(korpus: dict[str, Any]) -> None:
    """Build-time check: every source claim 2.8 shows is what the tool says today."""
    _belege_pruefen("2.8", "BELEGE_QUELLEN", BELEGE_QUELLEN, korpus, quellen_angabe, "claim")


def zitate(Notebook: Any) -> Any:
    nb = Notebook("02_zitate", "zitate")
    nb.md(
        header(
            "Aufgabe 2: Wer sagt das? Zitate und Quellen",
            [
                "direkte, indirekte und nur erwähnte Rede unterscheiden,",
                "zu einem Zitat die Sprecherin oder den Sprecher und das Redeverb (die "
                "Redeeinleitung) finden,",
                "namentlich genannte und anonyme Quellen unterscheiden und erklären, warum das "
                "für die Glaubwürdigkeit wichtig ist,",
                "den Konjunktiv I als Mittel der Distanz erkennen,",
                "Ironie- oder Distanzanführungszeichen („scare quotes“) erkennen,",
                "eine Quellentabelle für alle Texte des Korpus erstellen.",
            ],
            "75–90 Minuten",
            [
                "Aufgabe 1 (Arbeit mit dem Korpus, Attribute eines Ergebnisses lesen)",
                "Listen und for-Schleifen in Python",
            ],
            [
                "alle fünf Texte des mediakit-Korpus (dpa-Meldung, zwei TKP-Blogbeiträge, eine "
                "Website, eine Zusammenfassung aus mehreren Medien)",
            ],
            WEGE["zitate"],
        )
    )
    nb.setup(SETUP_CORPUS)
    for cell, kind in zip(
        lesen(
            ["quotes", "speakers", "cues", "scare_quotes"],
            ["002", "001"],
            "die dpa-Meldung und `blog2`",
        ),
        ("md", "setup"),
        strict=True,
    ):
        getattr(nb, kind)(cell)
    nb.md(
        "## 2.1 Zitate in einem kurzen Beispiel\n\n"
        "`mediakit.find_quotes(text)` gibt eine Liste von Zitaten zurück. Jedes Zitat hat\n\n"
        '- `kind`: `"direct"` (wörtlich, in Anführungszeichen), `"indirect"` (indirekte '
        'Rede mit Redeeinleitung, oft im Konjunktiv I), `"free_indirect"` (ein Satz im '
        'Konjunktiv I ohne eigene Redeeinleitung) oder `"reported"` (eine Äußerung wird nur '
        "erwähnt),\n"
        "- `text`, `start`, `end`: der zitierte Text und seine Stelle im Text,\n"
        "- `speaker`: wer spricht (`None`, wenn niemand genannt ist), mit `speaker.text` und "
        "`speaker.speaker_type` (`named`, `pronoun`, `anonymous`, `outlet`),\n"
        "- `cue`: das Redeverb oder Signalwort (z. B. *sagte*, *laut*, *hieß es*).\n\n"
        "Untersuchen Sie `BEISPIEL`. Speichern Sie die Liste der Zitate in `beispiel_zitate` "
        "und die Liste ihrer Arten (`kind`, in der Reihenfolge im Text) in `arten_beispiel`. "
        'Nehmen Sie dann das **direkte** Zitat (`kind == "direct"`) und speichern Sie den '
        "Text seines Sprechers in `sprecher_direkt` und den Text seines Redeverbs in "
        "`verb_direkt`."
    )
    nb.setup(f"BEISPIEL = {BEISPIEL_ZITAT!r}\nprint(BEISPIEL)")
    nb.answer(
        "a2_beispiel",
        "beispiel_zitate = mediakit.find_quotes(BEISPIEL)\n"
        "arten_beispiel = [z.kind for z in beispiel_zitate]\n"
        'direkt = [z for z in beispiel_zitate if z.kind == "direct"][0]\n'
        "sprecher_direkt = direkt.speaker.text\n"
        "verb_direkt = direkt.cue.text\n"
        "for z in beispiel_zitate:\n"
        "    print(z.kind, '|', z.text, '|', z.speaker.text if z.speaker else None)",
    )
    nb.hints(
        "a2_beispiel",
        have({"arten_beispiel": "list", "sprecher_direkt": "str", "verb_direkt": "str"})
        + "\nassert set(arten_beispiel) <= {'direct', 'indirect', 'free_indirect', 'reported'}, "
        "'Tipp: arten_beispiel enthält die Werte von .kind, z. B. \"direct\".'",
    )
    nb.check("a2_beispiel", 2, ["arten_beispiel", "sprecher_direkt", "verb_direkt"])

    nb.md(
        "## 2.2 Zitate in der dpa-Meldung\n\n"
        "Suchen Sie alle Zitate im Haupttext der dpa-Meldung (`dpa.body`). Zählen Sie, wie "
        "viele es insgesamt sind (`anzahl_zitate`), wie viele direkte Zitate (`anzahl_direkt`) "
        'und wie viele in indirekter Rede stehen, also `kind` gleich `"indirect"` **oder** '
        '`"free_indirect"` (`anzahl_indirekt`).'
    )
    nb.answer(
        "a2_dpa",
        "zitate_dpa = mediakit.find_quotes(dpa.body)\n"
        "anzahl_zitate = len(zitate_dpa)\n"
        'anzahl_direkt = sum(1 for z in zitate_dpa if z.kind == "direct")\n'
        'anzahl_indirekt = sum(1 for z in zitate_dpa if z.kind in ("indirect", "free_indirect"))\n'
        "print(anzahl_zitate, anzahl_direkt, anzahl_indirekt)",
    )
    nb.hints(
        "a2_dpa",
        have({"anzahl_zitate": "int", "anzahl_direkt": "int", "anzahl_indirekt": "int"})
        + "\nassert anzahl_direkt + anzahl_indirekt <= anzahl_zitate, 'Tipp: Direkte und "
        "indirekte Zitate sind Teilmengen aller Zitate.'",
    )
    nb.check("a2_dpa", 2, ["anzahl_zitate", "anzahl_direkt", "anzahl_indirekt"])

    nb.md(
        "## 2.3 Konjunktiv I: Distanz durch Grammatik\n\n"
        "In der dpa-Meldung steht zum Beispiel: *„Putin habe Trump nach Moskau eingeladen.“* "
        "Der Satz hat keine eigene Redeeinleitung; das Verb *habe* (Konjunktiv I) zeigt, dass "
        "hier jemand anderes spricht. Wo der Konjunktiv I wie der Indikativ klingt (*sie "
        "sollen*), steht ersatzweise der Konjunktiv II (*sie sollten*). Sammeln Sie in "
        "`konjunktiv_saetze` die Texte (`text`) aller Zitate der dpa-Meldung mit "
        '`kind == "free_indirect"`, in der Reihenfolge im Text. Lesen Sie dann jede Stelle '
        "im Text nach: Spricht dort wirklich jemand anderes als die dpa?"
    )
    nb.answer(
        "a2_konjunktiv",
        'konjunktiv_saetze = [z.text for z in zitate_dpa if z.kind == "free_indirect"]\n'
        "for s in konjunktiv_saetze:\n"
        "    print('-', s)",
    )
    nb.hints(
        "a2_konjunktiv",
        have({"konjunktiv_saetze": "list"})
        + "\nassert all(type(s) is str for s in konjunktiv_saetze), 'Tipp: Die Liste soll "
        "Texte (str) enthalten, also z.text, nicht die Zitat-Objekte.'",
    )
    nb.check("a2_konjunktiv", 2, ["konjunktiv_saetze"])
    nb.md(
        "**Frage 2.3 (Text):** Warum schreibt eine Nachrichtenagentur *„Putin habe Trump nach "
        "Moskau eingeladen“* und nicht *„Putin hat Trump nach Moskau eingeladen“*? Was "
        "würde sich für die Leserinnen und Leser ändern?"
    )
    nb.written(
        "a2_distanz",
        2,
        "Der Konjunktiv I kennzeichnet die Aussage als wiedergegebene Rede des Kremls. Die "
        "Agentur gibt damit wieder, was eine Quelle sagt, ohne selbst zu behaupten, dass es "
        "stimmt (Distanz). Mit *hat* stünde die Einladung als Tatsache da, für die die Agentur "
        "selbst einsteht; die Leser könnten nicht mehr erkennen, dass es nur die Darstellung "
        "einer Seite ist.",
    )

    nb.md(
        "## 2.4 Wer wird zitiert? Benannte und anonyme Quellen\n\n"
        "Schreiben Sie eine Funktion `quellen_zaehlen(zitate)`, die für eine Liste von Zitaten "
        "ein Wörterbuch *Sprechertyp → Anzahl* zurückgibt. Die Schlüssel sind die Werte von "
        "`speaker.speaker_type` und ein eigener Schlüssel für Zitate ohne Sprecher:\n\n"
        + "".join(f'- `"{k}"`: {v}\n' for k, v in SPRECHERTYPEN.items())
        + "\nNehmen Sie nur Schlüssel auf, die vorkommen. Speichern Sie das Ergebnis für die "
        "dpa-Meldung in `quellen_dpa`."
    )
    nb.answer(
        "a2_quellen",
        "def quellen_zaehlen(zitate):\n"
        "    zaehler = {}\n"
        "    for z in zitate:\n"
        '        typ = "keiner" if z.speaker is None else z.speaker.speaker_type\n'
        "        zaehler[typ] = zaehler.get(typ, 0) + 1\n"
        "    return zaehler\n"
        "\n"
        "\n"
        "quellen_dpa = quellen_zaehlen(zitate_dpa)\n"
        "quellen_dpa",
    )
    nb.hints(
        "a2_quellen",
        have({"quellen_dpa": "dict"})
        + "\nassert sum(quellen_dpa.values()) == anzahl_zitate, 'Tipp: Jedes Zitat zählt genau "
        'einmal, auch die ohne Sprecher ("keiner").\'',
    )
    nb.check("a2_quellen", 1, ["quellen_dpa"])

    nb.md(
        "## 2.5 Ironie-Anführungszeichen\n\n"
        "Anführungszeichen markieren nicht nur Zitate. Im Blog steht etwa: *… als einzige "
        "„Errungenschaft“ der Gespräche …* Hier zitiert niemand; der Autor distanziert sich vom "
        "Wort. Andere Anführungszeichen im selben Blog umschließen dagegen wörtlich "
        "übernommene Worte, etwa aus Trumps Post. `mediakit.find_scare_quotes(text)` sucht "
        "die Stellen, an denen niemand zitiert wird. Speichern Sie die Texte (`text`) der "
        "Fundstellen im Haupttext von `blog2` in der Liste `scare_blog2`. Lesen Sie jede "
        "Fundstelle im Zusammenhang nach (`blog2.body`): Ist sie eindeutig?"
    )
    nb.answer(
        "a2_scare",
        "scare_blog2 = [s.text for s in mediakit.find_scare_quotes(blog2.body)]\n"
        "print(scare_blog2)",
    )
    nb.hints(
        "a2_scare",
        have({"scare_blog2": "list"})
        + "\nassert all(type(s) is str for s in scare_blog2), 'Tipp: Speichern Sie s.text, "
        "nicht das ganze Objekt.'",
    )
    nb.check("a2_scare", 2, ["scare_blog2"])

    schluessel = ", ".join(f'`"{k}"`' for k in TABELLE_SCHLUESSEL)
    nb.md(
        "## 2.6 Die Quellentabelle für alle Texte\n\n"
        'Erstellen Sie ein Wörterbuch `quellentabelle`, das jeder Text-ID (`"000"` … '
        f'`"004"`) ein Wörterbuch mit genau den Schlüsseln {schluessel} zuordnet: '
        '`"zitate"` ist die Zahl aller Zitate, die anderen Schlüssel zählen wie in 2.4 '
        "(jeweils für den Haupttext `.body`); anders als in 2.4 steht **jeder** Schlüssel "
        "in jeder Zeile, auch mit dem Wert 0. Die Zeile für die dpa-Meldung muss also zu Ihrem "
        "`quellen_dpa` aus 2.4 passen. Tipp: Die Funktion aus 2.4 dürfen Sie "
        "wiederverwenden. Mit `pandas.DataFrame` können Sie die Tabelle übersichtlich "
        "anzeigen. Die Zahlen sind die des Werkzeugs; ob sie stimmen, prüfen Sie in 2.7."
    )
    nb.answer(
        "a2_tabelle",
        f"SCHLUESSEL = {TABELLE_SCHLUESSEL!r}\n"
        "quellentabelle = {}\n"
        "for d in korpus:\n"
        "    zitate_d = mediakit.find_quotes(d.body)\n"
        "    gezaehlt = quellen_zaehlen(zitate_d)\n"
        '    gezaehlt["zitate"] = len(zitate_d)\n'
        "    quellentabelle[d.id] = {k: gezaehlt.get(k, 0) for k in SCHLUESSEL}\n"
        "\n"
        "import pandas as pd\n"
        "\n"
        "pd.DataFrame(quellentabelle).T",
    )
    nb.hints(
        "a2_tabelle",
        have({"quellentabelle": "dict"})
        + "\nassert sorted(quellentabelle) == sorted(texte), 'Tipp: Ein Eintrag pro Text-ID.'"
        + "\nfor _zeile in quellentabelle.values():\n"
        f"    assert sorted(_zeile) == {sorted(TABELLE_SCHLUESSEL)!r}, "
        f"'Tipp: Jede Zeile hat genau die Schlüssel {', '.join(TABELLE_SCHLUESSEL)}.'",
    )
    # The counts are the tool's, and some are wrong (2.7 shows which): the points are
    # for a correct table (every text, every key, whole numbers that add up, the dpa
    # row as in 2.4), never for reproducing a wrong figure.
    ids = sorted(nb.value("texte"))
    typen = [k for k in TABELLE_SCHLUESSEL if k != "zitate"]
    nb.hidden(
        "a2_tabelle",
        1,
        f"assert _T(quellentabelle) is _D and _D.keys(quellentabelle) == {_keyset(ids)}, "
        '"`quellentabelle` braucht genau einen Eintrag je Text-ID (\\"000\\" … \\"004\\")."\n'
        "for _id in quellentabelle:\n"
        "    _z = quellentabelle[_id]\n"
        f"    assert _T(_z) is _D and _D.keys(_z) == {_keyset(TABELLE_SCHLUESSEL)}, "
        '"Jede Zeile von `quellentabelle` braucht genau die Schlüssel, die die Aufgabe '
        'nennt."\n'
        "    for _k in _z:\n"
        "        assert _T(_z[_k]) is _I and _z[_k] >= 0, "
        '"Die Werte von `quellentabelle` sind Anzahlen (int, nicht negativ)."\n'
        f"    assert {' + '.join(f'_z[{k!r}]' for k in typen)} == _z['zitate'], "
        '"In `quellentabelle` ergeben die Sprechertypen einer Zeile zusammen nicht '
        '\\"zitate\\"."\n'
        "assert _T(quellen_dpa) is _D, '`quellen_dpa` aus 2.4 fehlt.'\n"
        f"for _k in {typen!r}:\n"
        "    assert quellentabelle['002'][_k] == _D.get(quellen_dpa, _k, 0), "
        '"Die Zeile \\"002\\" von `quellentabelle` passt nicht zu `quellen_dpa` aus 2.4."',
        uses_mediakit=False,
    )

    nb.md(
        "## 2.7 Belegprüfung: Wer spricht wirklich?\n\n"
        "Ein Werkzeug irrt sich. Die folgende Zelle zeigt sechs Stellen aus dem Korpus, mit "
        "dem Sprecher, den `mediakit.find_quotes` dort erkennt (`None` = kein Sprecher), und "
        "dem Textzusammenhang. Lesen Sie jede Stelle nach (`texte[id].body`) und entscheiden "
        f"Sie: Ist die Angabe des Werkzeugs {', '.join(f'`{b!r}`' for b in BEWERTUNGEN)}? "
        "Speichern Sie Ihr Urteil im Wörterbuch `pruefung_zitate` mit den Buchstaben "
        + ", ".join(f'`"{k}"`' for k in BELEGE_ZITATE)
        + ' als Schlüsseln, z. B. `{"A": "falsch", ...}`. Begründen Sie danach schriftlich.'
    )
    nb.setup(_belege_zeilen())
    nb.answer(
        "a2_belege",
        "pruefung_zitate = " + repr({k: v["verdict"] for k, v in BELEGE_ZITATE.items()}),
    )
    nb.hints(
        "a2_belege",
        have({"pruefung_zitate": "dict"})
        + f"\nassert sorted(pruefung_zitate) == {sorted(BELEGE_ZITATE)!r}, "
        "'Tipp: Ein Eintrag je Buchstabe A, B, … aus der Liste.'"
        + f"\nassert all(v in {BEWERTUNGEN!r} for v in pruefung_zitate.values()), "
        f"'Tipp: Erlaubt sind nur {', '.join(BEWERTUNGEN)}.'",
    )
    # Graded against the hand annotation above, not against the tool: full points with
    # at most one deviation (one stelle may be read as "strittig").
    erwartet = {k: v["verdict"] for k, v in BELEGE_ZITATE.items()}
    nb.hidden(
        "a2_belege",
        2,
        f"assert _T(pruefung_zitate) is _D and _D.keys(pruefung_zitate) == "
        f"{_keyset(BELEGE_ZITATE)}, "
        '"`pruefung_zitate` braucht genau die Buchstaben der Liste als Schlüssel."\n'
        f"_erwartet = {erwartet!r}\n"
        "_abweichungen = 0\n"
        "for _k in _erwartet:\n"
        "    _v = pruefung_zitate[_k]\n"
        f"    assert _T(_v) is _S and _v in {BEWERTUNGEN!r}, "
        '"Die Werte von `pruefung_zitate` sind \\"richtig\\", \\"falsch\\" oder '
        '\\"strittig\\"."\n'
        "    if _v != _erwartet[_k]:\n"
        "        _abweichungen += 1\n"
        "assert _abweichungen <= 1, "
        '"`pruefung_zitate`: Mehrere Urteile passen nicht zum Text. Lesen Sie den Satz davor '
        'und fragen Sie: Wer hat das gesagt oder geschrieben?"',
        uses_mediakit=False,
    )
    nb.md(
        "**Frage 2.7 (Text):** Begründen Sie zwei Ihrer Urteile aus 2.7 mit dem Text. "
        "Welcher Text stützt sich nach Ihrer Tabelle (2.6, Erweiterung) oder nach den "
        "Texten am stärksten auf namentlich genannte Quellen, welcher auf andere Medien? Was bedeutet es für die Glaubwürdigkeit, wenn "
        "eine Aussage nur „Kreisen“ zugeschrieben wird oder gar niemandem? Und was folgt aus "
        "2.7 für die Zahlen Ihrer Tabelle?"
    )
    nb.written(
        "a2_glaubwuerdigkeit",
        3,
        "D ist falsch: „Auf jeden Fall sei Putin bereit zu verhandeln“ setzt mit dem "
        "Konjunktiv I den Bericht von TASS aus dem Satz davor fort; der Sprecher ist also "
        "genannt. B ist richtig: „Trump war … ein Schmusekurs … vorgeworfen worden“ nennt "
        "niemanden, der den Vorwurf erhebt. Die dpa-Meldung nennt fast alle Quellen mit Namen "
        "und Funktion (Trump, Kremlsprecher Peskow); ihr einziges Zitat ohne Sprecher ist "
        "dieser Vorwurf, und damit bleibt offen, wer Trump das vorwirft. Die "
        "Zusammenfassung 004 stützt sich vor allem auf andere Medien („Bitcoin.com News“, "
        "„Guardian“), die Leser müssen also zwei Stationen vertrauen. Eine Aussage ohne Quelle "
        "oder aus „Kreisen“ kann niemand überprüfen. Aus 2.7 folgt: Die Spalte „keiner“ ist "
        "bei 000, 003 und 004 zum großen Teil ein Fehler des Werkzeugs; die Tabelle zeigt, "
        "wo man nachlesen muss, nicht das Ergebnis. Auch benannte Quellen können zudem "
        "einseitig ausgewählt sein.",
    )
    quellen_aufgabe(nb)
    wege_markieren(nb)
    return nb


def quellen_aufgabe(nb: Any) -> None:
    """2.8: the source table (who speaks, which types, anonymous attribution)."""
    typen = "; ".join(
        f"`{k!r}`" for k in ("person", "institution", "outlet", "expert", "anonymous")
    )
    nb.md(
        "## 2.8 Die Quellen eines Textes: Wer kommt zu Wort?\n\n"
        "Die Zitate in 2.1–2.7 zeigen jede Äußerung einzeln. mediakit fasst außerdem alle "
        "Erwähnungen derselben Quelle zusammen („Donald Trump“, „Trump“, „der US-Präsident“, "
        "„er“): `mediakit.analyze(text).quotes.sources` ist die Liste der Quellen eines "
        "Textes, `.to_frame()` macht daraus eine Tabelle mit den Spalten `name`, "
        f"`source_type` ({typen}), `mentions` (die Erwähnungen) und `quotations` (Zahl der "
        "Zitate). Sehen Sie sich die Tabelle der dpa-Meldung an. Speichern Sie dann\n\n"
        "- in `quellentypen_dpa` die **sortierte Liste der verschiedenen** `source_type`-Werte "
        "der dpa-Meldung,\n"
        '- in `meiste_medien` die Text-ID (`"000"` … `"004"`) des Textes mit den meisten '
        'Quellen vom Typ `"outlet"` (andere Medien).\n\n'
        "Prüfen Sie beides an den Texten: Stimmt es mit Ihrer Lektüre überein?"
    )
    nb.answer(
        "a2_quellen_tabelle",
        "quellen_dpa_liste = mediakit.analyze(dpa.body).quotes.sources\n"
        "quellentypen_dpa = sorted({q.source_type for q in quellen_dpa_liste})\n"
        "medien = {}\n"
        "for d in korpus:\n"
        "    quellen_d = mediakit.analyze(d.body).quotes.sources\n"
        '    medien[d.id] = sum(1 for q in quellen_d if q.source_type == "outlet")\n'
        "meiste_medien = max(medien, key=medien.get)\n"
        "print(quellentypen_dpa, meiste_medien)\n"
        'quellen_dpa_liste.to_frame()[["name", "source_type", "mentions", "quotations"]]',
    )
    nb.hints(
        "a2_quellen_tabelle",
        have({"quellentypen_dpa": "list", "meiste_medien": "str"})
        + "\nassert quellentypen_dpa == sorted(set(quellentypen_dpa)), 'Tipp: sortiert und ohne "
        "Doppelte.'"
        + "\nassert meiste_medien in texte, 'Tipp: meiste_medien ist eine Text-ID wie \"002\".'",
    )
    # Both values agree with our reading (HAND_QUELLENTYPEN_DPA, HAND_MEISTE_MEDIEN;
    # checked by tests/test_course.py and here, so a changed tool stops the build).
    assert nb.value("quellentypen_dpa") == HAND_QUELLENTYPEN_DPA, (
        "2.8: the dpa's source types differ from HAND_QUELLENTYPEN_DPA; review 2.8"
    )
    assert nb.value("meiste_medien") == HAND_MEISTE_MEDIEN, (
        "2.8: the text with the most outlet sources is no longer HAND_MEISTE_MEDIEN; review 2.8"
    )
    nb.check(
        "a2_quellen_tabelle",
        1,
        ["quellentypen_dpa", "meiste_medien"],
        hints={
            "quellentypen_dpa": "Nehmen Sie die verschiedenen `source_type`-Werte der Quellen "
            "der dpa-Meldung, sortiert.",
            "meiste_medien": "Zählen Sie je Text die Quellen vom Typ outlet.",
        },
    )
    _belege_quellen_pruefen(nb.value("texte"))
    belegpruefung(
        nb,
        "a2_quellen_belege",
        "pruefung_quellen",
        {k: {**v, "claim": quellen_claim(v)} for k, v in BELEGE_QUELLEN.items()},
        "mediakit",
        "## 2.8b Belegprüfung: Stimmt die Quellentabelle?\n\n"
        "Beim Zusammenfassen der Erwähnungen und beim Bestimmen des Typs kann sich mediakit "
        f"irren. Die folgende Zelle zeigt {len(BELEGE_QUELLEN)} Zeilen aus den "
        "Quellentabellen des Korpus: welche Quelle mediakit einer Erwähnung zuordnet und "
        "welchen Typ es ihr gibt. Lesen Sie den Satz und die Sätze davor: Wer ist gemeint, und "
        "wird dort überhaupt jemand zitiert?",
    )
    nb.md(
        "**Frage 2.8 (Text):** Wer kommt in der dpa-Meldung zu Wort, und wer nicht, obwohl "
        "der Text über ihn oder sie berichtet? Was bedeutet eine anonyme Zuschreibung wie "
        "beim „Schmusekurs“ für die Leserinnen und Leser?"
    )
    nb.written(
        "a2_quellen_warum",
        2,
        "In der dpa-Meldung sprechen nur Trump (sein Post auf Truth Social) und der Kreml "
        "(Kremlsprecher Peskow, „Nach Darstellung Moskaus“). Die Ukraine und die Europäer "
        "kommen nicht selbst zu Wort, obwohl es um ihre Lage geht („düstere Vorahnungen der "
        "Ukrainer und Europäer“ ist eine Beschreibung der dpa). Der Vorwurf eines "
        "„Schmusekurses“ steht im Passiv ohne Urheber: Die Leser erfahren, dass es den Vorwurf "
        "gab, aber nicht, wer ihn erhob, und können nicht prüfen, wie ernst er zu nehmen ist.",
    )


# ---------------------------------------------------------------------------------------
# 3 Wertende Sprache
# ---------------------------------------------------------------------------------------

GELADEN = (
    "EU Kommission und europäische Regierungen, die sich bisher stark für die Fortsetzung des "
    "Ukraine-Krieges eingesetzt haben, wurden von Präsident Trump und Verteidigungsminister "
    "Pete Hegseth schwer getroffen. Die meisten von ihnen müssen unter Schock stehen und nach "
    "Luft schnappen. Der US Verteidigungsminister Pete Hegseth besuchte ein Meeting der "
    "ominösen NATO-Urkaine-Unterstützungsgruppe. Totale Funkstille, völlig unverhältnismäßig "
    "und ein regelrechtes Desaster für die Kriegstreiber in Brüssel."
)

# 3.4: the facts of GELADEN a neutral rewrite must keep (hand-picked: who, which office,
# where, what happened), each with the word stems that count as keeping it (a stem of
# up to three letters must be a whole word, a longer one may begin a word: "europäische",
# "europäischen"). The rewrite must keep at least FAKTEN_MINDESTENS of them, so that any
# other 25-word text with few evaluative words earns nothing.
FAKTEN_GELADEN = {
    "EU": ("eu",),
    "Kommission": ("kommission",),
    "europäische": ("europäisch",),
    "Regierungen": ("regierung",),
    "Ukraine": ("ukrain",),
    "Präsident": ("präsident",),
    "Trump": ("trump",),
    "Verteidigungsminister": ("verteidigungsminister",),
    "Hegseth": ("hegseth",),
    "NATO": ("nato",),
    "Treffen/Meeting": ("treffen", "meeting", "sitzung", "tagung", "besuch"),
    "Brüssel": ("brüssel",),
}
FAKTEN_MINDESTENS = 8
# One definition of the check, run in the notebook (to help) and in the hidden test.
FAKTEN_CODE = f"""\
def _fakten(text):
    _woerter = set()
    _wort = ""
    for _z in text.lower() + " ":
        if _z.isalpha():
            _wort += _z
        elif _wort:
            _woerter.add(_wort)
            _wort = ""
    _behalten = []
    for _fakt, _staemme in {FAKTEN_GELADEN!r}.items():
        for _stamm in _staemme:
            if any(_w == _stamm or (len(_stamm) > 3 and _w.startswith(_stamm)) for _w in _woerter):
                _behalten.append(_fakt)
                break
    return _behalten"""

NEUTRAL_MUSTER = (
    "Die EU-Kommission und europäische Regierungen, die die Ukraine bisher unterstützt haben, "
    "sind von den Ankündigungen von Präsident Trump und Verteidigungsminister Pete Hegseth "
    "betroffen. Hegseth nahm an einem Treffen der Ukraine-Kontaktgruppe der NATO teil. Es gab "
    "zuvor keine direkten Gespräche, und die Regierungen in Brüssel müssen ihre Haltung nun "
    "überprüfen."
)


# Belegprüfung 3.6: evaluative hits with the voice find_evaluative gives them today
# (``claim``, checked against the live tool by tests/test_course.py) and the course's hand
# verdict on that voice: "richtig", "falsch" or "strittig".
BELEGE_WERTUNG = {
    "A": {
        "text": "001",
        "excerpt": "Zwergstaaten",
        "claim": "author",
        "verdict": "richtig",
        "why": "„Aus den baltischen Zwergstaaten kommen …“: das abwertende Etikett wählt der "
        "Autor selbst, niemand wird zitiert.",
    },
    "B": {
        "text": "001",
        "excerpt": "fair",
        "claim": "author",
        "verdict": "falsch",
        "why": "Der Satz steht in der Liste nach „Hegseth gab kurz gefasst folgende Erklärungen "
        "ab:“; „fair und gerecht“ ist Hegseths Forderung, die der Blog wiedergibt.",
    },
    "C": {
        "text": "001",
        "excerpt": "um sicherzustellen, dass",
        "claim": "author",
        "verdict": "richtig",
        "why": "Der Autor unterstellt Kellogg ein Motiv („um sicherzustellen, dass der "
        "Ukraine-Krieg weitergeht“); keine Quelle sagt das.",
    },
    "D": {
        "text": "001",
        "excerpt": "kriegsfreundlichen",
        "claim": "quoted",
        "verdict": "richtig",
        "why": "Das Wort steht in einem Zitat in Anführungszeichen („Es wird einige Zeit "
        "dauern, bis die kriegsfreundlichen …“).",
    },
    "E": {
        "text": "001",
        "excerpt": "riesige",
        "claim": "author",
        "verdict": "strittig",
        "why": "Der Absatz beschreibt „Trumps geopolitische Perspektive“ („Sie sieht in etwa so "
        "aus: …“) im Indikativ: Der Autor gibt Trumps Sicht wieder und macht sie sich zugleich "
        "zu eigen.",
    },
    "F": {
        "text": "002",
        "excerpt": "Schmusekurs",
        "claim": "attributed",
        "verdict": "richtig",
        "why": "„… war immer wieder ein Schmusekurs mit Putin vorgeworfen worden“: ein "
        "berichteter Vorwurf (ohne Urheber), nicht dpas eigenes Wort.",
    },
    "G": {
        "text": "002",
        "excerpt": "getönt",
        "claim": "author",
        "verdict": "richtig",
        "why": "„Trump hat immer wieder getönt“: Das abwertende Redeverb wählt die dpa selbst.",
    },
}
# 3.2/3.3: the voice of every find_evaluative hit in the dpa body, read in context by
# us: in «…» = quoted; in the message of reported speech or a reported accusation =
# attributed; dpa's own verbs, labels and distancing words = author. tests/test_course.py
# checks the live hits against this list, so 3.2/3.3 never grade a wrong voice.
HAND_STIMMEN_DPA = [
    ("getönt", "author"),  # dpa's own disparaging speech verb
    ("sehr", "quoted"),  # «langes und sehr produktives»
    ("Wir", "quoted"),  # «Wir sind übereingekommen …» (Trump's post)
    ("sehr", "quoted"),  # «… sehr eng zusammenzuarbeiten …»
    ("Ich", "quoted"),  # «Ich glaube, dass …»
    ("erfolgreichen", "quoted"),
    ("hoffentlich", "quoted"),
    ("bald!", "quoted"),
    ("Nach Darstellung", "author"),  # dpa marks Moscow's view as a view
    ("angebliche", "author"),  # dpa's own distancing inside Moscow's view
    ("düstere", "author"),  # "bestätigte damit düstere Vorahnungen": dpa's adjective
    ("behauptet", "author"),  # dpa's choice of verb for Trump's campaign claim
    ("guten", "attributed"),  # part of Trump's claim (wegen seiner guten Kontakte)
    ("auffallend", "author"),
    ("ausweichend", "author"),
    ("Schmusekurs", "attributed"),  # a reported accusation (vorgeworfen worden)
    ("düpiert", "author"),
    ("in die Hände gespielt", "author"),
]

STIMMEN = {
    "author": "Stimme des Autors",
    "quoted": "in einem direkten Zitat",
    "attributed": "einer anderen Person zugeschrieben (indirekte Rede, Vorwurf)",
}


# 3.7: who evaluates in a sentence? The students sort sentences into these classes;
# graded against the hand classes in SAETZE_STIMME (our reading, never the tool's).
KLASSEN_STIMME = {
    "autor": "Der Autor (das Medium) wertet selbst: Das wertende Wort ist seine Wahl, auch "
    "wenn er im selben Satz über jemanden berichtet.",
    "zugeschrieben": "Die Wertung stammt von einer anderen Person oder Stelle, die der Text "
    "nennt (Zitat, indirekte Rede im Konjunktiv I).",
    "unbelegt": "Der Satz wertet nicht, stellt aber etwas als Tatsache fest, ohne eine Quelle "
    "zu nennen.",
    "strittig": "Zwei Einteilungen sind gut vertretbar.",
}
SAETZE_STIMME = {
    "A": {
        "text": "000",
        "sentence": "Totale Funkstille.",
        "verdict": "autor",
        "why": "Der Autor fasst selbst zusammen und wertet („Totale“); niemand wird genannt.",
    },
    "B": {
        "text": "000",
        "sentence": "Dies markiert eine bedeutende Wende in der amerikanischen Außenpolitik.",
        "verdict": "autor",
        "why": "Die New York Post ist nur Quelle für das Gespräch im Satz davor; dass es eine "
        "„bedeutende Wende“ ist, urteilt der Autor selbst.",
    },
    "C": {
        "text": "000",
        "sentence": "Es war höchste Zeit, dass Amerika seinen Kurs ändert, schreibt Tucker "
        "Carlson in seinem Morning Briefing.",
        "verdict": "zugeschrieben",
        "why": "„höchste Zeit“ ist Carlsons Urteil; der Satz nennt ihn und das Redeverb.",
    },
    "D": {
        "text": "002",
        "sentence": "Trump hat immer wieder getönt, als US-Präsident den Ukraine-Krieg schnell "
        "zu beenden.",
        "verdict": "autor",
        "why": "Trumps Ankündigung wird berichtet, aber das abwertende Redeverb „getönt“ wählt "
        "die dpa selbst.",
    },
    "E": {
        "text": "004",
        "sentence": "Eine Rückkehr zu den Grenzen der Ukraine vor 2014 sei unrealistisch.",
        "verdict": "zugeschrieben",
        "why": "Konjunktiv I: Der Satz setzt Hegseths Position fort, von der der Satz davor "
        "berichtet („… berichtet außerdem, dass … Hegseth …“).",
    },
    "F": {
        "text": "002",
        "sentence": "Die Frist verstrich nach seinem Start im Amt jedoch ohne Ergebnis.",
        "verdict": "unbelegt",
        "why": "Eine Feststellung der dpa ohne wertendes Wort und ohne Quelle (nachprüfbar: "
        "es gab keinen Frieden nach 24 Stunden).",
    },
    "G": {
        "text": "004",
        "sentence": "Der ehemalige US-Präsident Donald Trump und der russische Präsident "
        "Wladimir Putin führten am 12. Februar 2025 ein Telefongespräch, in dem sie die "
        "Notwendigkeit von Friedensverhandlungen im Ukraine-Krieg unterstrichen.",
        "verdict": "unbelegt",
        "why": "Eine Tatsachenbehauptung ohne Quelle und ohne Wertung – und mit einem "
        "Sachfehler: Trump ist 2025 wieder Präsident (4.4 d).",
    },
    "H": {
        "text": "001",
        "sentence": "Zerstörungen von Telekommunikationsleitungen in der Ostsee und Anschläge "
        "für russische Schiffe seine schon vorgekommen, so die Berichte.",
        "verdict": "strittig",
        "why": "„so die Berichte“ schreibt die Aussage jemandem zu, nennt aber niemanden, den "
        "man prüfen könnte: zugeschrieben oder unbelegt.",
    },
}


def belegpruefung(
    nb: Any,
    qid: str,
    variable: str,
    items: dict[str, dict[str, Any]],
    show: str,
    question: str,
    *,
    points: int = 2,
    hint: str = "Lesen Sie jede Stelle im Zusammenhang: Wer spricht dort?",
) -> None:
    """A graded Belegprüfung: the student judges given tool hits against the text.

    The hits are printed with their context by a read-only cell; the answer is a dict
    letter -> "richtig" / "falsch" / "strittig", graded against the hand verdicts in
    ``items`` (never against the tool) with at most one deviation; ``points`` (default
    2) is what the hidden test is worth.
    """
    letters = ", ".join(f'`"{k}"`' for k in items)
    verdicts = ", ".join(f"`{b!r}`" for b in BEWERTUNGEN)
    nb.md(
        f"{question}\n\nEntscheiden Sie für jede Stelle: Ist die Angabe des Werkzeugs "
        f"{verdicts}? Speichern Sie Ihr Urteil im Wörterbuch `{variable}` mit den Buchstaben "
        f"{letters} als Schlüsseln."
    )
    shown = {k: (v["text"], v["excerpt"], v["claim"]) for k, v in items.items()}
    nb.setup(
        f"BELEGE_{qid.upper()} = {shown!r}\n"
        f"for _k, (_id, _stelle, _angabe) in BELEGE_{qid.upper()}.items():\n"
        "    _body = texte[_id].body\n"
        "    _i = _body.find(_stelle)\n"
        f"    print(f'{{_k}} | Text {{_id}} | {show} = {{_angabe!r}} | Treffer: {{_stelle}}')\n"
        "    print('   …' + _body[max(0, _i - 240):_i + len(_stelle) + 60].replace('\\n', ' ') + '…')\n"
        "    print()"
    )
    expected = {k: v["verdict"] for k, v in items.items()}
    # No bare ``variable`` line after the assignment: the feedback's messages name the
    # variable, and a solution line that any feedback contains reads as a leak.
    nb.answer(qid, f"{variable} = {expected!r}")
    nb.hints(
        qid,
        have({variable: "dict"}) + f"\nassert sorted({variable}) == {sorted(items)!r}, "
        "'Tipp: Ein Eintrag je Buchstabe aus der Liste.'"
        + f"\nassert all(v in {BEWERTUNGEN!r} for v in {variable}.values()), "
        f"'Tipp: Erlaubt sind nur {', '.join(BEWERTUNGEN)}.'",
    )
    nb.hidden(
        qid,
        points,
        f"assert _T({variable}) is _D and _D.keys({variable}) == {_keyset(items)}, "
        f'"`{variable}` braucht genau die Buchstaben der Liste als Schlüssel."\n'
        f"_erwartet = {expected!r}\n"
        "_abweichungen = 0\n"
        "for _k in _erwartet:\n"
        f"    _v = {variable}[_k]\n"
        f"    assert _T(_v) is _S and _v in {BEWERTUNGEN!r}, "
        f'"Die Werte von `{variable}` sind \\"richtig\\", \\"falsch\\" oder '
        '\\"strittig\\"."\n'
        "    if _v != _erwartet[_k]:\n"
        "        _abweichungen += 1\n"
        "assert _abweichungen <= 1, "
        f'"`{variable}`: Mehrere Urteile passen nicht zum Text. {hint}"',
        uses_mediakit=False,
    )


def wertung(Notebook: Any) -> Any:
    nb = Notebook("03_wertung", "wertung")
    nb.md(
        header(
            "Aufgabe 3: Wertende Sprache",
            [
                "wertende Wörter erkennen und Kategorien zuordnen (Verstärker, abwertende "
                "Etiketten, geladene Wörter, wertende Redeverben, Distanzsignale, "
                "Übertreibungen),",
                "die Stimme des Autors von der Stimme der Zitierten unterscheiden,",
                "einen wertenden Absatz neutral umschreiben und das Ergebnis messen,",
                "das Wörterbuch (Lexikon) von mediakit erweitern und die Folgen beurteilen.",
            ],
            "75–90 Minuten",
            [
                "Aufgabe 2 (Zitate, wer spricht), Wörterbücher (dict) und Zählen in Python",
            ],
            [
                "dpa-Meldung und TKP-Blogbeitrag aus dem mediakit-Korpus",
                "ein wertender Absatz, zusammengestellt aus Sätzen des Blogs (unten abgedruckt)",
                "das wertende Lexikon von mediakit (CC0, von uns geschrieben)",
            ],
            WEGE["wertung"],
        )
    )
    nb.setup(SETUP_CORPUS)
    for cell, kind in zip(
        lesen(["evaluative", "quotes"], ["002", "001"], "die dpa-Meldung und `blog2`"),
        ("md", "setup"),
        strict=True,
    ):
        getattr(nb, kind)(cell)
    nb.md(
        "## 3.1 Wertende Wörter in der dpa-Meldung\n\n"
        "`mediakit.find_evaluative(text)` liefert eine Liste von Treffern mit `text`, `lemma` "
        "(Grundform), `category` (Kategorie), `weight` (Gewicht 1–3) und `voice` (wessen "
        "Stimme: `'author'`, `'quoted'` oder `'attributed'`, siehe 3.2). Auch eine Agenturmeldung ist nicht frei davon: Sie gibt Wertungen "
        "anderer wieder und wertet an einigen Stellen selbst. "
        "Speichern Sie die Treffer im Haupttext der dpa-Meldung in `treffer_dpa` und die "
        "**sortierte Liste der verschiedenen Grundformen** (ohne Doppelte) in `lemmata_dpa`."
    )
    nb.answer(
        "a3_dpa",
        "treffer_dpa = mediakit.find_evaluative(dpa.body)\n"
        "lemmata_dpa = sorted({t.lemma for t in treffer_dpa})\n"
        "for t in treffer_dpa:\n"
        "    print(t.text, '|', t.lemma, '|', t.category, '|', t.voice)",
    )
    nb.hints(
        "a3_dpa",
        have({"lemmata_dpa": "list"})
        + "\nassert lemmata_dpa == sorted(set(lemmata_dpa)), 'Tipp: sortiert und ohne "
        "Doppelte, z. B. sorted({t.lemma for t in treffer_dpa}).'",
    )
    nb.check("a3_dpa", 2, ["lemmata_dpa"])

    stimmen_liste = "".join(f'- `"{k}"`: {v}\n' for k, v in STIMMEN.items())
    nb.md(
        "## 3.2 Womit wertet die dpa selbst?\n\n"
        "Jeder Treffer hat eine Stimme (`voice`): Wessen Wertung ist das?\n\n"
        + stimmen_liste
        + "\nZählen Sie die Treffer der dpa-Meldung (`treffer_dpa` aus 3.1), die in der Stimme "
        'der dpa selbst stehen (`voice == "author"`), nach Kategorie: `kategorien_dpa` ist ein '
        "Wörterbuch *Kategorie → Anzahl* (nur Kategorien, die vorkommen). Tipp: "
        "`collections.Counter` hilft, aber das Ergebnis soll ein normales `dict` sein "
        "(`dict(Counter(...))`)."
    )
    nb.answer(
        "a3_kategorien",
        "from collections import Counter\n"
        "\n"
        'eigene_dpa = [t for t in treffer_dpa if t.voice == "author"]\n'
        "kategorien_dpa = dict(Counter(t.category for t in eigene_dpa))\n"
        "kategorien_dpa",
    )
    nb.hints(
        "a3_kategorien",
        have({"kategorien_dpa": "dict"})
        + "\nassert all(type(v) is int for v in kategorien_dpa.values()), 'Tipp: Die Werte "
        "sind Anzahlen (int).'"
        + "\nassert sum(kategorien_dpa.values()) < len(treffer_dpa), 'Tipp: Zählen Sie nur die "
        'Treffer mit voice == "author".\'',
    )
    nb.check(
        "a3_kategorien",
        2,
        ["kategorien_dpa"],
        keys={"kategorien_dpa": "Kategorie"},
        hints={
            "kategorien_dpa": "Zählen Sie nur die Treffer der dpa-Meldung mit "
            '`voice == "author"`, je `category`.'
        },
    )

    nb.md(
        "## 3.3 Autorenstimme, Zitat, Zuschreibung\n\n"
        "Ein abwertendes Wort in einem Zitat ist die Wertung der zitierten Person, nicht die "
        "des Autors; ein Vorwurf, den der Text jemandem zuschreibt, ebenso. Zählen Sie für die "
        "dpa-Meldung, wie viele Treffer in jeder Stimme stehen: `stimmen_dpa` ist ein "
        "Wörterbuch mit genau den Schlüsseln "
        + ", ".join(f'`"{k}"`' for k in STIMMEN)
        + " (jeder Schlüssel steht da, auch mit 0). Berechnen Sie dasselbe für den "
        "Blogbeitrag `blog2` in `stimmen_blog2` (die Treffer in `treffer_blog2`); "
        "dort prüfen Sie in 3.6, ob jede Stimme stimmt."
    )
    nb.answer(
        "a3_stimmen",
        f"STIMMEN = {list(STIMMEN)!r}\n"
        "treffer_blog2 = mediakit.find_evaluative(blog2.body)\n"
        "stimmen_dpa = {s: sum(1 for t in treffer_dpa if t.voice == s) for s in STIMMEN}\n"
        "stimmen_blog2 = {s: sum(1 for t in treffer_blog2 if t.voice == s) for s in STIMMEN}\n"
        "print(stimmen_dpa, stimmen_blog2)",
    )
    nb.hints(
        "a3_stimmen",
        have({"stimmen_dpa": "dict", "stimmen_blog2": "dict"})
        + f"\nassert sorted(stimmen_dpa) == {sorted(STIMMEN)!r}, 'Tipp: genau die Schlüssel "
        f"{', '.join(STIMMEN)}.'"
        + "\nassert sum(stimmen_dpa.values()) == len(treffer_dpa), 'Tipp: Jeder Treffer "
        "gehört zu genau einer Stimme.'",
    )
    # Graded on the dpa only: every voice there is checked against the hand annotation
    # HAND_STIMMEN_DPA (tests/test_course.py); blog2 has known voice errors (3.6).
    nb.check(
        "a3_stimmen",
        2,
        ["stimmen_dpa"],
        hints={
            "stimmen_dpa": "Zählen Sie für jede der drei Stimmen die Treffer in `treffer_dpa` "
            "(`t.voice`); jeder Schlüssel steht da, auch mit 0."
        },
    )
    # The model answer of 3.3 states these facts about the tool; they must stay true.
    _blog = nb.value("stimmen_blog2")
    assert _blog["quoted"] > sum(_blog.values()) / 2, (
        "3.3: fewer than half of blog2's hits are quoted now; rewrite the model answer"
    )
    _dpa = {t.text: t.voice for t in nb.value("treffer_dpa")}
    _omin = [t.voice for t in nb.value("treffer_blog2") if t.text.startswith("ominös")]
    assert (_dpa.get("getönt"), _dpa.get("Schmusekurs"), _omin[:1]) == (
        "author",
        "attributed",
        ["author"],
    ), "3.3: the voices the model answer names (getönt, Schmusekurs, ominös) changed"
    nb.md(
        "**Frage 3.3 (Text):** Warum ist es wichtig, wertende Wörter nach Stimmen getrennt zu "
        "zählen? Vergleichen Sie `stimmen_dpa` und `stimmen_blog2` und finden Sie ein Beispiel "
        "aus `treffer_blog2` oder `treffer_dpa`, bei dem die Unterscheidung die Bewertung des "
        "Textes verändert."
    )
    nb.written(
        "a3_stimmen_warum",
        2,
        "Wenn ein Text eine Politikerin zitiert, die poltert, ist die Wertung ihre, nicht die "
        "des Mediums; eine gute Meldung kann wertende Zitate sachlich wiedergeben. Zählte man "
        "alles zusammen, sähe ein Text, der viel zitiert, wertender aus, als er ist: Beim Blog "
        "steht mehr als die Hälfte der Treffer in Zitaten (vor allem Trumps Post). Beispiel: "
        "Trumps „sehr produktives“ Telefonat steht in der dpa-Meldung im Zitat, der "
        "„Schmusekurs“ ist ein zugeschriebener Vorwurf, das Wort „getönt“ dagegen ist die "
        "Wortwahl der dpa selbst; im Blog steht „ominös“ in der Stimme des Autors.",
    )

    nb.md(
        "## 3.4 Neutral umschreiben und neu messen\n\n"
        "Der folgende Absatz ist aus Sätzen des Blogs zusammengestellt und um typische "
        "Wertungen ergänzt. Schreiben Sie ihn **neutral** um: gleiche Fakten, keine wertenden "
        "Wörter, mindestens 25 Wörter. Speichern Sie Ihren Text in `neutral` (ein `str`). "
        f"Die Fakten müssen bleiben: Von diesen {len(FAKTEN_GELADEN)} Angaben muss Ihr Text "
        f"mindestens {FAKTEN_MINDESTENS} enthalten (in einer Form des Wortes, z. B. "
        "*europäischen*): " + ", ".join(FAKTEN_GELADEN) + ". `fakten_behalten(neutral)` "
        "zeigt Ihnen, welche Ihr Text enthält. "
        'Messen Sie dann mit `mediakit.analyze(...).metrics["evaluative_per_1000_words"]` '
        "die wertenden Wörter je 1000 Wörter vorher (`rate_vorher`, für `GELADEN`) und "
        "nachher (`rate_nachher`, für `neutral`)."
    )
    nb.setup(
        f"GELADEN = {GELADEN!r}\nprint(GELADEN)\n\n{FAKTEN_CODE}\n\n\nfakten_behalten = _fakten"
    )
    nb.answer(
        "a3_neutral",
        f"neutral = {NEUTRAL_MUSTER!r}\n"
        'rate_vorher = mediakit.analyze(GELADEN).metrics["evaluative_per_1000_words"]\n'
        'rate_nachher = mediakit.analyze(neutral).metrics["evaluative_per_1000_words"]\n'
        "print(rate_vorher, rate_nachher)",
    )
    nb.hints(
        "a3_neutral",
        have({"neutral": "str", "rate_vorher": "float", "rate_nachher": "float"})
        + "\nassert len(neutral.split()) >= 25, 'Tipp: Mindestens 25 Wörter.'"
        + "\nassert neutral != GELADEN, 'Tipp: Umschreiben, nicht kopieren.'"
        + f"\nassert len(fakten_behalten(neutral)) >= {FAKTEN_MINDESTENS}, "
        "'Tipp: Ihr Text lässt zu viele Fakten des Absatzes weg. Behalten Sie, wer was tat "
        "(Namen, Ämter, Orte, das Treffen); streichen oder ersetzen Sie nur die wertenden "
        "Wörter. fakten_behalten(neutral) zeigt, was schon drin ist.'",
    )
    nb.hidden(
        "a3_neutral",
        3,
        # The hidden tests run in the grading process (mediakit.grading), on the
        # student's answers as plain data: the student's own text is measured there
        # with the real mediakit, which no code of the notebook can reach.
        Notebook.SAME + "\n"
        f"assert _same(rate_vorher, {nb.value('rate_vorher')!r}, 0.01), "
        '"`rate_vorher` stimmt nicht: Messen Sie GELADEN mit mediakit.analyze."\n'
        "assert _T(neutral) is _S and _L.__len__(_S.split(neutral)) >= 25, "
        '"`neutral` soll ein Text (str) mit mindestens 25 Wörtern sein."\n' + FAKTEN_CODE + "\n"
        f"assert _L.__len__(_fakten(neutral)) >= {FAKTEN_MINDESTENS}, "
        '"Ihr Text `neutral` ist keine Umschreibung des Absatzes: Er lässt zu viele Fakten '
        "weg. Behalten Sie, wer was tat (Namen, Ämter, Orte, das Treffen), und ersetzen "
        'Sie nur die wertenden Wörter."\n'
        "import mediakit as _mk\n"
        "_frisch = _F(_mk.analyze(neutral).metrics['evaluative_per_1000_words'])\n"
        "assert _same(rate_nachher, _frisch, 0.01), "
        '"`rate_nachher` ist nicht die Rate Ihres Textes `neutral`."\n'
        f"assert _frisch < {nb.value('rate_vorher')!r} / 2, "
        '"Ihr Text `neutral` enthält noch zu viele wertende Wörter."',
        uses_mediakit=True,
    )
    _ns: dict[str, Any] = {}
    exec(FAKTEN_CODE, _ns)
    assert len(_ns["_fakten"](NEUTRAL_MUSTER)) == len(FAKTEN_GELADEN), "3.4: model loses facts"
    assert len(_ns["_fakten"](GELADEN)) == len(FAKTEN_GELADEN), "3.4: a fact is not in GELADEN"
    assert len(_ns["_fakten"](ABSATZ)) < FAKTEN_MINDESTENS, "3.4: another dpa text would pass"
    nb.md(
        "**Frage 3.4 (Text):** Welche Wörter haben Sie ersetzt oder gestrichen, und warum? Wo "
        "war es schwer, neutral zu bleiben, ohne Fakten wegzulassen? Zeigt die neue Zahl "
        "wirklich, dass Ihr Text neutral ist?"
    )
    nb.written(
        "a3_neutral_begruendung",
        3,
        "Ersetzt habe ich „schwer getroffen“, „unter Schock stehen und nach Luft schnappen“ "
        "(Spekulation über Gefühle) durch „betroffen“, „ominös“ habe ich gestrichen, "
        "„Meeting“ durch „Treffen“ ersetzt, „totale Funkstille“ durch „keine direkten "
        "Gespräche“; „Kriegstreiber“ und „Desaster“ sind Wertungen ohne Fakt und fallen weg. "
        "Schwer war es bei „stark eingesetzt“ und „Fortsetzung des Krieges“: Das unterstellt "
        "ein Motiv; neutral ist „unterstützt“. Die Zahl sinkt, aber sie zeigt nur, dass keine "
        "Wörter aus dem Lexikon mehr vorkommen. Auswahl und Reihenfolge der Fakten können "
        "weiterhin einseitig sein, und Wertungen ohne Lexikonwort (Ironie) erkennt sie nicht.",
    )

    nb.md(
        "## 3.5 Das Lexikon erweitern\n\n"
        "Das Lexikon kennt nicht jedes wertende Wort. `mediakit.Lexicon.default()` gibt Ihnen "
        "eine Kopie, und `.extended({...})` macht daraus ein erweitertes Lexikon, ohne Dateien "
        "des Pakets zu ändern. Fügen Sie **„Funkstille“** und **„unverhältnismäßig“** hinzu, "
        'beide mit Kategorie `"loaded"` und Gewicht 2, z. B. '
        '`{"Funkstille": {"category": "loaded", "weight": 2}, ...}`. Zählen Sie '
        "die Treffer in `GELADEN` mit dem Standardlexikon (`treffer_alt`) und mit dem "
        "erweiterten Lexikon (`treffer_neu`, Argument `lexicon=...` von "
        "`find_evaluative`)."
    )
    nb.answer(
        "a3_lexikon",
        "mein_lexikon = mediakit.Lexicon.default().extended(\n"
        "    {\n"
        '        "Funkstille": {"category": "loaded", "weight": 2},\n'
        '        "unverhältnismäßig": {"category": "loaded", "weight": 2},\n'
        "    }\n"
        ")\n"
        "treffer_alt = len(mediakit.find_evaluative(GELADEN))\n"
        "treffer_neu = len(mediakit.find_evaluative(GELADEN, lexicon=mein_lexikon))\n"
        "print(treffer_alt, treffer_neu)",
    )
    nb.hints(
        "a3_lexikon",
        have({"treffer_alt": "int", "treffer_neu": "int"})
        + "\nassert treffer_neu >= treffer_alt, 'Tipp: Ein erweitertes Lexikon findet "
        "mindestens so viel wie das alte.'",
    )
    nb.check("a3_lexikon", 1, ["treffer_alt", "treffer_neu"])
    nb.md(
        "**Frage 3.5 (Text):** Welche Gefahr hat es, wenn jede Lehrkraft oder jede Klasse "
        "eigene Wörter ins Lexikon aufnimmt? Woran sollte man sich halten?"
    )
    nb.written(
        "a3_lexikon_gefahr",
        2,
        "Wer Wörter ergänzt, entscheidet, was als wertend gilt; die eigene Meinung fließt in "
        "die Messung ein. Ergänzt man nur Wörter aus Texten, die man ohnehin kritisch sieht, "
        "bestätigt die Zahl das Vorurteil. Regeln: Wörter nach ihrer Bedeutung auswählen, "
        "nicht nach dem Text; jede Ergänzung mit Kategorie, neutraler Alternative und Begründung "
        "festhalten; das erweiterte Lexikon auf alle Texte gleich anwenden und die Zahlen "
        "vorher und nachher angeben.",
    )
    stimmen = "; ".join(f"`{k!r}` = {v}" for k, v in STIMMEN.items())
    belegpruefung(
        nb,
        "a3_belege",
        "pruefung_wertung",
        BELEGE_WERTUNG,
        "Stimme laut mediakit",
        "## 3.6 Belegprüfung: Wessen Wertung ist das?\n\n"
        "`find_evaluative` gibt jedem Treffer eine Stimme (`voice`): "
        f"{stimmen}. Die folgende Zelle zeigt sieben Treffer aus `blog2` und der dpa-Meldung "
        "mit der Stimme, die mediakit ihnen gibt, und dem Zusammenhang. Lesen Sie nach, wer "
        "an der Stelle wertet: der Autor selbst oder jemand, den er wiedergibt?",
    )
    stimme_aufgabe(nb)
    wege_markieren(nb)
    return nb


def stimme_aufgabe(nb: Any) -> None:
    """3.7: sort sentences by who evaluates (graded by hand classes), then the metric."""
    klassen = "".join(f'- `"{k}"`: {v}\n' for k, v in KLASSEN_STIMME.items())
    nb.md(
        "## 3.7 Eigene Wertung, zugeschriebene Wertung, Behauptung ohne Quelle\n\n"
        "Ein Text kann selbst werten, die Wertung eines anderen wiedergeben oder etwas als "
        "Tatsache hinstellen, ohne zu sagen, woher er es weiß. Die folgende Zelle zeigt "
        f"{len(SAETZE_STIMME)} Sätze aus dem Korpus, jeweils mit dem Satz davor. Fragen Sie "
        "bei jedem Satz: **Wer wertet hier, und nennt der Text eine Quelle?** Ordnen Sie "
        "jeden Satz einer dieser Klassen zu:\n\n"
        + klassen
        + "\nSpeichern Sie Ihre Einteilung im Wörterbuch `einteilung` mit den Buchstaben "
        + ", ".join(f'`"{k}"`' for k in SAETZE_STIMME)
        + ' als Schlüsseln, z. B. `{"A": "autor", ...}`. Erst danach zeigt eine Zelle, was '
        "mediakit zu diesen Sätzen sagt."
    )
    shown = {k: (v["text"], v["sentence"]) for k, v in SAETZE_STIMME.items()}
    nb.setup(
        f"SAETZE = {shown!r}\n"
        "for _k, (_id, _satz) in SAETZE.items():\n"
        "    _body = texte[_id].body\n"
        "    _i = _body.find(_satz)\n"
        "    _davor = _body[max(0, _i - 200):_i].replace('\\n', ' ')\n"
        "    print(f'{_k} | Text {_id} | davor: …{_davor}')\n"
        "    print(f'   SATZ: {_satz}')\n"
        "    print()"
    )
    expected = {k: v["verdict"] for k, v in SAETZE_STIMME.items()}
    nb.answer("a3_einteilung", f"einteilung = {expected!r}")
    erlaubt = list(KLASSEN_STIMME)
    nb.hints(
        "a3_einteilung",
        have({"einteilung": "dict"}) + f"\nassert sorted(einteilung) == {sorted(SAETZE_STIMME)!r}, "
        "'Tipp: Ein Eintrag je Buchstabe aus der Liste.'"
        + f"\nassert all(v in {erlaubt!r} for v in einteilung.values()), "
        f"'Tipp: Erlaubt sind nur {', '.join(erlaubt)}.'",
    )
    nb.hidden(
        "a3_einteilung",
        2,
        f"assert _T(einteilung) is _D and _D.keys(einteilung) == {_keyset(SAETZE_STIMME)}, "
        '"`einteilung` braucht genau die Buchstaben der Liste als Schlüssel."\n'
        f"_erwartet = {expected!r}\n"
        "_abweichungen = 0\n"
        "for _k in _erwartet:\n"
        "    _v = einteilung[_k]\n"
        f"    assert _T(_v) is _S and _v in {erlaubt!r}, "
        '"Die Werte von `einteilung` sind nur die Klassen, die die Aufgabe nennt."\n'
        "    if _v != _erwartet[_k]:\n"
        "        _abweichungen += 1\n"
        "assert _abweichungen <= 1, "
        '"`einteilung`: Mehrere Sätze passen nicht zu Ihrer Klasse. Fragen Sie bei jedem '
        "Satz: Wessen Wort ist das wertende Wort, und steht im Satz oder davor, wer das "
        'sagt?"',
        uses_mediakit=False,
    )
    nb.md(
        "Die folgende Zelle zeigt, was mediakit zu denselben Sätzen sagt: die Treffer mit "
        "ihrer Stimme und ob der Satz zu den Belegen der Kennzahl "
        "`unattributed_evaluative_sentence_share` gehört („Wertung ohne Quelle“). Die "
        "Kennzahl ist der Anteil der Sätze ohne Quelle an allen Sätzen, in denen der Autor "
        "selbst wertet. Darunter stehen die Kennzahl der dpa-Meldung und ihre Belegsätze "
        "(`mediakit.analyze(dpa.body).evaluative.unattributed_sentences`)."
    )
    nb.setup(
        "for _k, (_id, _satz) in SAETZE.items():\n"
        "    _a = mediakit.analyze(texte[_id].body)\n"
        "    _i = texte[_id].body.find(_satz)\n"
        "    _treffer = [f'{t.text} ({t.voice})' for t in _a.evaluative.hits\n"
        "                if _i <= t.start < _i + len(_satz)]\n"
        "    _ohne = any(s.start <= _i < s.end for s in _a.evaluative.unattributed_sentences)\n"
        "    print(_k, '| Treffer:', ', '.join(_treffer) or 'keine',\n"
        "          '| Wertung ohne Quelle' if _ohne else '')\n"
        "_dpa = mediakit.analyze(dpa.body)\n"
        "print()\n"
        "print('dpa: unattributed_evaluative_sentence_share =',\n"
        "      round(_dpa.metrics['unattributed_evaluative_sentence_share'], 2))\n"
        "for _s in _dpa.evaluative.unattributed_sentences:\n"
        "    print('  -', _s.text)"
    )
    # What the model answer below says about the tool, checked against it at build time.
    mk = nb.value("mediakit")
    korpus = nb.value("texte")
    ansicht = {}
    for k, v in SAETZE_STIMME.items():
        a = mk.analyze(korpus[v["text"]].body)
        i = korpus[v["text"]].body.find(v["sentence"])
        assert i >= 0, f"3.7: sentence {k} is no longer in text {v['text']}"
        treffer = [t.voice for t in a.evaluative.hits if i <= t.start < i + len(v["sentence"])]
        ohne = any(s.start <= i < s.end for s in a.evaluative.unattributed_sentences)
        ansicht[k] = (treffer, ohne)
    assert ansicht["A"][1] and not ansicht["D"][1] and "author" in ansicht["D"][0], (
        "3.7: mediakit now reads sentence A or D differently; rewrite the model answer"
    )
    assert not ansicht["B"][0] and not ansicht["F"][0] and not ansicht["G"][0], (
        "3.7: mediakit now finds evaluative words in B, F or G; rewrite the model answer"
    )
    nb.md(
        "**Frage 3.7 (Text):** Bei welchen Sätzen aus 3.7 sieht mediakit etwas anderes als "
        "Sie? Erklären Sie an zwei Beispielen, warum. Was misst die Kennzahl "
        "`unattributed_evaluative_sentence_share` also, und was entgeht ihr?"
    )
    nb.written(
        "a3_einteilung_warum",
        2,
        "A zählt mediakit wie ich als Wertung ohne Quelle. In B findet mediakit kein "
        "wertendes Wort, obwohl „bedeutende Wende“ ein Urteil des Autors ist: Was nicht im "
        "Lexikon steht, zählt nicht. In D erkennt mediakit „getönt“ als Wort der dpa, zählt "
        "den Satz aber nicht als „ohne Quelle“, weil Trump als Sprecher im Satz steht; die "
        "Wertung ist trotzdem die der dpa. F und G sind Behauptungen ohne Quelle, aber ohne "
        "wertendes Wort; die Kennzahl zählt nur wertende Sätze und übersieht sie ganz, auch "
        "den Sachfehler in G. Die Kennzahl misst also, wie oft ein Text mit Wörtern aus dem "
        "Lexikon selbst wertet, ohne jemanden zu nennen; ob Tatsachen belegt sind, misst sie "
        "nicht.",
    )


# ---------------------------------------------------------------------------------------
# 4 Vergleich und Bericht
# ---------------------------------------------------------------------------------------


# Belegprüfung 4.4b: sentences analyze_evaluative lists as evaluation in the author's
# voice without a source (``unattributed_sentences``; tests/test_course.py checks that
# each is still listed), with the course's hand verdict on that claim.
BELEGE_OHNE_QUELLE = {
    "A": {
        "text": "001",
        "excerpt": "Die meisten von ihnen müssen unter Schock stehen",
        "claim": "Wertung ohne Quelle",
        "verdict": "richtig",
        "why": "Der Autor unterstellt Gefühle, ohne jemanden zu nennen, der das sagt.",
    },
    "B": {
        "text": "001",
        "excerpt": "Die USA unterstützen zwar die NATO",
        "claim": "Wertung ohne Quelle",
        "verdict": "falsch",
        "why": "Die Quelle steht vor der Liste: „Hegseth gab kurz gefasst folgende Erklärungen ab:“.",
    },
    "C": {
        "text": "001",
        "excerpt": "Bezeichnenderweise war der pensionierte Generalleutnant",
        "claim": "Wertung ohne Quelle",
        "verdict": "richtig",
        "why": "„Bezeichnenderweise“ deutet an, ohne Beleg und ohne Quelle.",
    },
    "D": {
        "text": "001",
        "excerpt": "Die Trump-Regierung liquidiert USAID",
        "claim": "Wertung ohne Quelle",
        "verdict": "richtig",
        "why": "„eine Art CIA-Front“ ist das Etikett des Autors; keine Quelle wird genannt.",
    },
    "E": {
        "text": "001",
        "excerpt": "Sie sieht in etwa so aus:",
        "claim": "Wertung ohne Quelle",
        "verdict": "strittig",
        "why": "Der Autor beschreibt „Trumps geopolitische Perspektive“; ob das Trumps Sicht oder "
        "seine eigene ist, lässt er offen.",
    },
    "F": {
        "text": "002",
        "excerpt": "Seit seinem Amtsantritt hatte Trump wiederholt auffallend ausweichend",
        "claim": "Wertung ohne Quelle",
        "verdict": "richtig",
        "why": "„auffallend ausweichend“ ist das Urteil der dpa selbst, im Indikativ, ohne Quelle.",
    },
    "G": {
        "text": "002",
        "excerpt": "Traditionelle US-Verbündete wie Deutschland hatte er dagegen",
        "claim": "Wertung ohne Quelle",
        "verdict": "richtig",
        "why": "„düpiert“ und „in die Hände gespielt“ sind Wertungen der dpa ohne Quelle.",
    },
}


# ---------------------------------------------------------------------------------------
# 4 Vergleich: new tasks (headlines as framing, lateral reading, own article)
# ---------------------------------------------------------------------------------------

# 4.5: what a headline or teaser puts first. One set of readings for all items; the
# course's hand annotation (``frame``, with a reason) decides, not any tool.
RAHMEN = {
    "a": "das Ereignis und sein Ergebnis (wer mit wem spricht, was vereinbart ist)",
    "b": "einen Vergleich mit dem Vorgänger, der dabei schlecht aussieht",
    "c": "wen das Ereignis übergeht oder trifft (Verlierer)",
    "d": "einen Erfolg, der als schon erreicht dargestellt wird",
    "e": "einen Zweifel an einer Person: ob sie hält, was sie angekündigt hat",
}
TEILE = {"title": "Überschrift", "lead": "Vorspann (Teaser)"}
SCHLAGZEILEN = {
    "S1": {
        "text": "000",
        "part": "title",
        "excerpt": "Im Gegensatz zu Biden spricht Trump mit Putin",
        "frame": "b",
        "why": "„Im Gegensatz zu Biden“ macht den Vorgänger zum Maßstab, an dem Trump gewinnt; "
        "das Gespräch selbst wird dadurch zur Tugend.",
    },
    "S2": {
        "text": "001",
        "part": "title",
        "excerpt": "Trump und Putin starten Verhandlungen nach 90-Minnuten Telefonat – EU ignoriert",
        "frame": "c",
        "why": "Der Zusatz „– EU ignoriert“ unterscheidet diese Überschrift von einer "
        "Ereignismeldung: Die EU erscheint als Übergangene (a ist vertretbar, daher eine "
        "Abweichung erlaubt).",
    },
    "S3": {
        "text": "002",
        "part": "title",
        "excerpt": "Trump telefoniert mit Putin: Ukraine-Verhandlungen geplant",
        "frame": "a",
        "why": "Wer mit wem, was vereinbart ist; „geplant“ behauptet keinen Erfolg.",
    },
    "S4": {
        "text": "002",
        "part": "lead",
        "excerpt": "Trump hat immer wieder getönt, als US-Präsident den Ukraine-Krieg schnell zu "
        "beenden. Nach gut drei Wochen im Amt spricht er nun direkt mit Kremlchef Putin.",
        "frame": "e",
        "why": "„getönt“ rahmt das Telefonat als Probe auf ein großspuriges Versprechen: Auch "
        "die dpa rahmt, im Vorspann statt in der Überschrift.",
    },
    "S5": {
        "text": "004",
        "part": "title",
        "excerpt": "Gespräch zwischen Trump und Putin: Fortschritte bei Friedensverhandlungen "
        "im Ukraine-Konflikt",
        "frame": "d",
        "why": "Am 12. Februar wurden Verhandlungen erst vereinbart; „Fortschritte bei "
        "Friedensverhandlungen“ stellt ein Ergebnis als erreicht dar.",
    },
}


def schlagzeile(doc: Any, part: str) -> str:
    """The headline (``"title"``) or the teaser (``"lead"`` paragraphs) of a corpus text."""
    if part == "title":
        return doc.title or ""
    return " ".join(p.text for p in doc.paragraphs if p.kind == "lead")


# 4.6: lateral reading as questions about the outlets. Every right answer is a fact the
# corpus files state (metadata, the rest segments, the texts); ``fact`` checks it at
# build time, so the build stops naming 4.6 when the corpus says something else.
GATTUNGEN = {
    "blog post": "Blogbeitrag",
    "agency report": "Agenturmeldung",
    "aggregator summary": "Zusammenfassung eines Aggregators",
}
# the same German names the chart uses for the bars (mediakit.metrics.label_for)
MEDIEN = {"unnamed website": "anonyme Website", "unnamed aggregator": "anonymer Aggregator"}
REST_ARTEN = {
    "byline": "Autorenzeile",
    "dateline": "Zeitstempel des Portals",
    "tags": "Schlagwörter des Portals",
    "agency_credit": "Agenturkennung",
    "donation_appeal": "Spendenaufruf",
    "follow_appeal": "Aufruf zum Folgen",
    "related_links": "Linkliste der Seite",
    "source_list": "Quellenliste",
    "ad_widget": "Werbeanzeige (Buch)",
    "image_credit": "Bildnachweis",
    "embed_placeholder": "fehlender eingebetteter Inhalt",
    "comments_heading": "Kommentarbereich",
    "comment_rules": "Kommentarregeln",
    "widget_heading": "Seitenelement",
}


def _rest(doc: Any, kind: str) -> list[str]:
    return [r.text for r in doc.rest if r.kind == kind]


SEITLICH = {
    "L1": {
        "question": "Wer hat die Meldung 002 verfasst, und wo haben wir sie gelesen?",
        "options": {
            "a": "Ein namentlich genannter Korrespondent, auf der Website der dpa.",
            "b": "Die Nachrichtenagentur dpa (ohne Namen einer Person), übernommen von einem "
            "Nachrichtenportal, das die Kopie nicht nennt.",
            "c": "Die Redaktion von TKP.",
        },
        "answer": "b",
        "fact": lambda t: (
            t["002"].outlet == "dpa"
            and t["002"].author is None
            and t["002"].url is None
            and any("dpa" in x for x in _rest(t["002"], "agency_credit"))
        ),
    },
    "L2": {
        "question": "Die Liste „Weitere Meldungen“ unter der Meldung 002 …",
        "options": {
            "a": "… gehört zur dpa-Meldung.",
            "b": "… hat das Portal angefügt, das die Meldung übernommen hat; sie gehört nicht "
            "zur Meldung.",
            "c": "… nennt die Quellen, auf die sich die dpa stützt.",
        },
        "answer": "b",
        "fact": lambda t: (
            "Weitere Meldungen" in _rest(t["002"], "related_links")
            and "Weitere Meldungen" not in t["002"].body
        ),
    },
    "L3": {
        "question": "Wie finanziert sich TKP nach eigener Angabe auf der Seite (000, 001)?",
        "options": {
            "a": "über Abonnements",
            "b": "über Werbung",
            "c": "über Spenden",
            "d": "über den Rundfunkbeitrag",
        },
        "answer": "c",
        "fact": lambda t: all(
            any("spendenfinanziert" in x for x in _rest(t[i], "donation_appeal"))
            for i in ("000", "001")
        ),
    },
    "L4": {
        "question": "Was fehlt in der Kopie von 001 (`blog2`), um die Quelle zu prüfen?",
        "options": {
            "a": "Nichts: Autor, Datum und Impressum stehen im Text.",
            "b": "Ein Datum und ein Impressum (wer für die Seite verantwortlich ist); beides "
            "muss man außerhalb des Textes nachsehen.",
            "c": "Nur der Name des Blogs.",
        },
        "answer": "b",
        "fact": lambda t: (
            t["001"].outlet == "TKP"
            and t["001"].date is None
            and "impressum" not in t["001"].raw.lower()
        ),
    },
    "L5": {
        "question": "Auf wen beruft sich 003 für den Inhalt des Telefonats?",
        "options": {
            "a": "auf die dpa",
            "b": "auf die russische Nachrichtenagentur TASS (und einen Bericht von CNN)",
            "c": "auf eigene Reporter in Washington",
        },
        "answer": "b",
        "fact": lambda t: (
            "russische Nachrichtenagentur TASS" in t["003"].body
            and "CNN" in t["003"].body
            and "dpa" not in t["003"].body
        ),
    },
    "L6": {
        "question": "Woher hat 004 seine Angaben?",
        "options": {
            "a": "aus eigener Recherche vor Ort",
            "b": "aus anderen Medien, die am Ende unter „Quellen:“ aufgelistet sind "
            "(z. B. The Guardian, New York Post)",
            "c": "aus der dpa-Meldung",
        },
        "answer": "b",
        "fact": lambda t: {"The Guardian", "New York Post"} <= set(_rest(t["004"], "source_list")),
    },
}

# 4.7: the own article. Names the notebook looks for beside itself, and the corpus
# text it takes instead when there is none (so the notebook runs and grades without it).
EIGENE_DATEIEN = ["mein_artikel.txt", "mein_artikel.html", "mein_artikel.htm"]
ERSATZTEXT = "004"


def auswahl(
    nb: Any,
    qid: str,
    variable: str,
    expected: dict[str, str],
    allowed: dict[str, list[str]],
    *,
    points: int = 2,
    deviations: int = 1,
    hint: str,
) -> None:
    """A graded choice per key (letter -> option letter), at most ``deviations`` off.

    The answer cell gives the key's choices; the hidden test compares with
    ``expected`` (the course's hand annotation or a fact of the corpus), never with a
    tool's output. The task text before it must list the keys and options.
    """
    nb.answer(qid, f"{variable} = {expected!r}\n{variable}")
    keys = sorted(expected)
    nb.hints(
        qid,
        have({variable: "dict"})
        + f"\nassert sorted({variable}) == {keys!r}, 'Tipp: Ein Eintrag je Schlüssel aus der "
        "Liste.'"
        + f"\n_erlaubt = {allowed!r}"
        + f"\nassert all({variable}[k] in _erlaubt[k] for k in _erlaubt), 'Tipp: Je Schlüssel "
        "ein Buchstabe aus der Liste, als str.'",
    )
    keyset = "{" + ", ".join(repr(k) for k in keys) + "}"
    nb.hidden(
        qid,
        points,
        f"assert _T({variable}) is _D and _D.keys({variable}) == {keyset}, "
        f'"`{variable}` braucht genau die Schlüssel der Liste."\n'
        f"_erwartet = {expected!r}\n"
        f"_erlaubt = {allowed!r}\n"
        "_abweichungen = 0\n"
        "for _k in _erwartet:\n"
        f"    _v = {variable}[_k]\n"
        "    assert _T(_v) is _S and _v in _erlaubt[_k], "
        f'"Jeder Wert von `{variable}` ist ein Buchstabe aus der Liste (str)."\n'
        "    if _v != _erwartet[_k]:\n"
        "        _abweichungen += 1\n"
        f"assert _abweichungen <= {deviations!r}, {f'`{variable}`: {hint}'!r}",
        uses_mediakit=False,
    )


# 04's two paths: which tasks are Basis, which Erweiterung (headings say it too).
PFADE_04 = (
    "**Basis und Erweiterung.** Aufgaben mit **(Basis)** in der Überschrift bearbeiten alle; "
    "sie tragen alle automatisch vergebenen Punkte und den Bericht, mit ihnen allein kann man "
    "die Aufgabe gut bestehen. Aufgaben und Fragen mit **(Erweiterung)** sind für alle, die "
    "schneller sind oder tiefer gehen wollen: eine eigene Überschrift (4.5), Fragen für das "
    "seitliche Lesen (4.6) und ein eigener Artikel (4.7). Sie werden nur von Hand bewertet "
    "(zusammen 7 von 31 Punkten); die Basis allein bringt 24 Punkte."
)
# The questions of the Erweiterung (graded by hand only) and the figures PFADE_04 states;
# vergleich() checks both against the notebook it builds.
ERWEITERUNG_04 = {"a4_rahmung_text": 2, "a4_seitlich_text": 2, "a4_eigen_reflexion": 3}
PUNKTE_04 = {"gesamt": 31, "basis": 24}


# 4.3: the texts about the call of 12 February (000 is context from 10 February), how
# far the easiest must lead for the task to stay fair, and the judgement asked for.
BERICHTE_TELEFONAT = ["001", "002", "003", "004"]
FLESCH_ABSTAND = 3.0  # Flesch-Amstad points between the hardest and the next
DEUTUNG_FLESCH = {
    "A": "Der schwerste Text ist der am wenigsten seriöse.",
    "B": "Der schwerste Text hat im Schnitt längere Sätze oder längere Wörter; über "
    "Richtigkeit, Quellen und Wertung sagt der Wert nichts.",
    "C": "Der schwerste Text wertet am meisten.",
}
DEUTUNG_FLESCH_RICHTIG = "B"
FLESCH_FELD = "Flesch (Amstad)"  # the chart's panel title (from mediakit/data/metrics.tsv)


def vergleich(Notebook: Any) -> Any:
    nb = Notebook("04_vergleich", "vergleich")
    nb.md(
        header(
            "Aufgabe 4: Vergleich und Bericht",
            [
                "alle Kennzahlen der fünf Texte in einer Tabelle und einem Diagramm vergleichen,",
                "Kennzahlen auf einen Bezugstext (die dpa-Meldung) beziehen,",
                "benennen, was Zahlen nicht zeigen: Ironie, Auswahl von Fakten, Auslassungen,",
                "einen kurzen, begründeten Bericht mit Belegen schreiben.",
            ],
            "80–90 Minuten",
            [
                "Aufgaben 1–3 (Lesbarkeit, Zitate, wertende Sprache)",
                "pandas-Grundlagen: eine Spalte auswählen, sortieren",
            ],
            [
                "alle fünf Texte des mediakit-Korpus, mit den Angaben der Kopien zu ihrer Herkunft",
                "wenn Sie möchten: ein eigener Artikel als `mein_artikel.txt` oder "
                "`mein_artikel.html` neben diesem Notebook (Aufgabe 4.7)",
            ],
        )
    )
    nb.md(PFADE_04)
    nb.setup(SETUP_CORPUS)
    for cell, kind in zip(
        lesen(
            ["quotes", "speakers", "evaluative"],
            ["002", "001", "000", "003", "004"],
            "alle fünf Texte",
        ),
        ("md", "setup"),
        strict=True,
    ):
        getattr(nb, kind)(cell)
    nb.md(
        "## 4.1 Die Vergleichstabelle (Basis)\n\n"
        "`mediakit.compare(korpus)` analysiert alle Texte und gibt eine pandas-Tabelle "
        "(DataFrame) zurück: eine Zeile je Text, Spalten für `id`, `outlet`, `genre` und die "
        "Kennzahlen (z. B. `flesch_amstad`, `wstf1`, `lix`, `quotes_per_1000_words`, "
        "`named_share`, `evaluative_per_1000_words`). Speichern Sie die Tabelle in `tabelle` "
        "und die Liste der Text-IDs, **aufsteigend sortiert** nach "
        "`evaluative_per_1000_words`, in `rangfolge_wertung` (der am wenigsten wertende "
        "Text zuerst, der wertendste zuletzt). "
        "Die Kennzahl zählt nur die Stimme des Autors: Was ein Text zitiert oder anderen "
        "zuschreibt, zählt nicht mit. Text 003 gibt zum größten Teil Trumps Post wieder; "
        'prüfen Sie in `texte["003"].body`, ob sein Platz zu Ihrer Lektüre passt.'
    )
    nb.answer(
        "a4_tabelle",
        "tabelle = mediakit.compare(korpus)\n"
        'sortiert = tabelle.sort_values("evaluative_per_1000_words")\n'
        'rangfolge_wertung = list(sortiert["id"])\n'
        'tabelle[["id", "outlet", "flesch_amstad", "quotes_per_1000_words", "named_share", '
        '"evaluative_per_1000_words"]]',
    )
    nb.hints(
        "a4_tabelle",
        have({"rangfolge_wertung": "list"})
        + "\nassert sorted(rangfolge_wertung) == sorted(texte), 'Tipp: Jede Text-ID genau "
        'einmal, als str (z. B. "002").\'',
    )
    nb.check("a4_tabelle", 2, ["rangfolge_wertung"])

    nb.md(
        "## 4.2 Im Verhältnis zur dpa-Meldung (Basis)\n\n"
        "Zahlen werden erst im Vergleich aussagekräftig. Berechnen Sie für jeden Text, wie "
        "viel Mal so viele wertende Wörter je 1000 Wörter er hat wie die dpa-Meldung: "
        "`verhaeltnis` ist ein Wörterbuch *Text-ID → float* (die dpa-Meldung selbst hat also "
        "den Wert 1.0). Runden Sie auf zwei Nachkommastellen (`round(x, 2)`)."
    )
    nb.answer(
        "a4_verhaeltnis",
        'werte = dict(zip(tabelle["id"], tabelle["evaluative_per_1000_words"]))\n'
        'verhaeltnis = {i: round(float(w / werte["002"]), 2) for i, w in werte.items()}\n'
        "verhaeltnis",
    )
    nb.hints(
        "a4_verhaeltnis",
        have({"verhaeltnis": "dict"})
        + "\nassert all(type(v) is float for v in verhaeltnis.values()), 'Tipp: Die Werte "
        "sollen float sein; float(...) wandelt numpy-Zahlen um.'"
        + "\nassert verhaeltnis.get('002') == 1.0, 'Tipp: Die dpa-Meldung (\"002\") hat das "
        "Verhältnis 1.0.'",
    )
    nb.check("a4_verhaeltnis", 2, ["verhaeltnis"], tol=0.011, keys={"verhaeltnis": "Text-ID"})

    # 4.3: reading a value off the chart and judging what it means. The graded facts
    # are checked here against the live table, so a change of the readability figures
    # that would make the task text wrong stops the build with a message naming 4.3.
    _t = nb.value("tabelle")
    _flesch = dict(zip(_t["id"], (float(x) for x in _t["flesch_amstad"]), strict=True))
    _telefonat = sorted(BERICHTE_TELEFONAT, key=lambda i: _flesch[i])
    assert _flesch[_telefonat[1]] - _flesch[_telefonat[0]] >= FLESCH_ABSTAND, (
        "4.3: the hardest text about the call is no longer clearly the hardest "
        f"({_flesch}); rewrite the task"
    )
    deutungen = "\n".join(f'- `"{k}"`: {v}' for k, v in DEUTUNG_FLESCH.items())
    nb.md(
        "## 4.3 Das Diagramm lesen und deuten (Basis)\n\n"
        "`mediakit.plot_compare(tabelle)` zeichnet die wichtigsten Kennzahlen je Text als "
        "Balken; die Zahl am Ende jedes Balkens ist der Wert. Speichern Sie die Abbildung in "
        "`abbildung` und sehen Sie sie sich an. Die Balken sind nach Medium beschriftet; welche "
        "Text-ID zu welchem Medium gehört, zeigt die Liste am Anfang des Notebooks (oder "
        f'`tabelle[["id", "outlet"]]`). Lesen Sie im Feld „{FLESCH_FELD}“ ab:\n\n'
        "1. den Wert der dpa-Meldung, auf eine ganze Zahl gerundet, als `int` in `flesch_dpa` "
        "(eine Abweichung um 1 beim Ablesen ist in Ordnung);\n"
        "2. welcher der vier Texte **über das Telefonat** (001, 002, 003, 004) am schwersten "
        "zu lesen ist (niedrigster Flesch-Amstad-Wert): die Text-ID als `str` in "
        "`schwerster_text`;\n"
        "3. was daraus folgt: Speichern Sie in `deutung_flesch` den Buchstaben der Aussage, "
        "die stimmt:\n\n"
        f"{deutungen}"
    )
    nb.answer(
        "a4_diagramm",
        "abbildung = mediakit.plot_compare(tabelle)\n"
        'flesch = dict(zip(tabelle["id"], tabelle["flesch_amstad"]))\n'
        'flesch_dpa = round(float(flesch["002"]))\n'
        f"telefonat = {BERICHTE_TELEFONAT!r}\n"
        "schwerster_text = min(telefonat, key=lambda i: flesch[i])\n"
        f"deutung_flesch = {DEUTUNG_FLESCH_RICHTIG!r}\n"
        "abbildung",
    )
    nb.hints(
        "a4_diagramm",
        have({"flesch_dpa": "int", "schwerster_text": "str", "deutung_flesch": "str"})
        + "\nimport matplotlib.figure\n"
        "assert isinstance(abbildung, matplotlib.figure.Figure), 'Tipp: plot_compare gibt "
        "eine matplotlib-Figure zurück.'"
        + f"\nassert schwerster_text in {BERICHTE_TELEFONAT!r}, 'Tipp: Nur die Texte über das "
        'Telefonat zählen, als str (z. B. "002").\''
        + f"\nassert deutung_flesch in {list(DEUTUNG_FLESCH)!r}, 'Tipp: Ein Buchstabe aus der "
        "Liste, als str.'",
    )
    _soll = round(_flesch["002"])
    _felder = [ax.get_title(loc="left") for ax in nb.value("abbildung").axes]
    assert FLESCH_FELD in _felder, f"4.3: the chart's panels are now {_felder}; rewrite 4.3"
    # The answer key's values are the live ones (checked above and here), not literals
    # a tool change could leave behind.
    assert nb.value("flesch_dpa") == _soll, f"4.3: dpa's Flesch-Amstad is now {_soll}"
    assert nb.value("schwerster_text") == _telefonat[0], f"4.3: hardest is {_telefonat[0]}"
    nb.hidden(
        "a4_diagramm",
        2,
        "assert _T(flesch_dpa) is _I, '`flesch_dpa` soll eine ganze Zahl (int) sein.'\n"
        f"assert -1 <= flesch_dpa - {_soll!r} <= 1, "
        '"`flesch_dpa`: Lesen Sie den Balken der dpa-Meldung im Feld „Flesch-Amstad“ noch '
        'einmal ab."\n'
        "assert _T(schwerster_text) is _S, '`schwerster_text` soll eine Text-ID (str) sein.'\n"
        f"assert schwerster_text == {_telefonat[0]!r}, "
        '"`schwerster_text`: Vergleichen Sie nur die Texte über das Telefonat; ein niedrigerer '
        'Wert heißt schwerer."\n'
        f"assert _T(deutung_flesch) is _S and deutung_flesch == {DEUTUNG_FLESCH_RICHTIG!r}, "
        '"`deutung_flesch`: Was misst Flesch-Amstad, was nicht?"',
        uses_mediakit=True,
    )

    nb.md(
        "## 4.4 Was die Zahlen nicht zeigen (Basis)\n\n"
        "**Frage 4.4 (Text):** Nennen Sie zu jedem der drei Punkte ein Beispiel aus dem "
        "Korpus: (a) **Ironie**, die kein Wörterbuch erkennt, (b) die **Auswahl** von Fakten, "
        "(c) **Auslassungen**: Was berichtet die dpa-Meldung, was der TKP-Beitrag `blog2` zum "
        "selben Telefonat weglässt (oder umgekehrt)? Vergleichen Sie nur Texte über dasselbe "
        "Ereignis: `blog` (000) ist vom 10. Februar und kann das Telefonat vom 12. nicht kennen."
        " (d) Ein **Sachfehler**: Text 004 nennt Trump „den ehemaligen US-Präsidenten“. Stimmt "
        "das am 12. Februar 2025? Was sagt so ein Fehler über die Sorgfalt eines Textes, und "
        "warum findet ihn keine Kennzahl?"
    )
    # The model answer's claims about the tool are checked against the live output here,
    # so the guide cannot keep a statement the tool has made false.
    _frage = "Wie sollte dieser Ansatz hilfreich sein?"
    _start = nb.value("blog").body.find(_frage)
    _treffer = nb.value("mediakit").find_evaluative(nb.value("blog").body)
    _in_frage = [t for t in _treffer if _start <= t.start < _start + len(_frage)]
    assert _start >= 0 and [t.category for t in _in_frage] == [
        "judgement",
        "rhetorical_question",
    ], "4.4: the tool reads the rhetorical question differently now; rewrite the answer"
    _errungenschaft = [
        t
        for t in nb.value("mediakit").find_evaluative(nb.value("blog2").body)
        if "Errungenschaft" in t.text
    ]
    assert _errungenschaft, "4.4: „Errungenschaft“ is no longer counted; rewrite the answer"
    nb.written(
        "a4_grenzen",
        4,
        "(a) Ironie: Die rhetorische Frage „Wie sollte dieser Ansatz hilfreich sein?“ (000) "
        "meint: Die Politik der Vorgängerregierung war nicht hilfreich. mediakit zählt das "
        "Wort „hilfreich“ als Urteil und markiert die Frage nur schwach als Frage des Autors "
        "(Gewicht 1); dass sie das Gegenteil meint, erkennt es nicht. "
        "„Errungenschaft“ in Anführungszeichen (001) erkennt mediakit dagegen als "
        "Distanzsignal; ob es Spott ist, muss man trotzdem selbst lesen.\n"
        "(b) Auswahl: Der TKP-Beitrag 001 zitiert ausführlich Trumps Post und Stimmen, die "
        "seine Linie stützen; die dpa stellt Trumps Aussage die Bedingungen des Kremls und "
        "den Vorwurf eines „Schmusekurses“ gegenüber (den die dpa berichtet, nicht selbst "
        "erhebt). Welche Stimmen vorkommen, zählt keine Kennzahl.\n"
        "(c) Auslassungen: Über dasselbe Telefonat berichtet die dpa, dass Russland auf der "
        "„Beseitigung der Ursache des Konflikts“ besteht und Trump nach Moskau einlädt; der "
        "TKP-Beitrag 001 erwähnt keine Stellungnahme des Kremls. Was fehlt, kann keine Zählung "
        "im vorhandenen Text finden; man sieht es nur im Vergleich zweier Texte über "
        "dasselbe Ereignis (nicht mit 000, das vor dem Telefonat erschien).\n"
        "(d) Sachfehler: Trump ist seit dem 20. Januar 2025 wieder im Amt, „der ehemalige "
        "US-Präsident“ (004) ist also falsch. Ein solcher Fehler zeigt, dass der Text nicht "
        "sorgfältig geprüft (vielleicht maschinell zusammengefasst) wurde; keine Kennzahl "
        "findet ihn, weil die Sätze sprachlich unauffällig sind.",
    )

    belegpruefung(
        nb,
        "a4_belege",
        "pruefung_ohne_quelle",
        BELEGE_OHNE_QUELLE,
        "mediakit",
        "## 4.4b Belegprüfung: Wertung ohne Quelle (Basis)\n\n"
        "Die Kennzahl `unattributed_evaluative_sentence_share` zählt Sätze, in denen der Autor "
        "selbst wertet, ohne eine Quelle zu nennen. Die folgende Zelle zeigt sieben solche "
        "Sätze aus `blog2` und der dpa-Meldung. Stimmt die Angabe „Wertung ohne Quelle“? "
        "Lesen Sie auch den Satz davor: Wird dort jemand genannt, dessen Aussagen folgen? "
        "Nutzen Sie das Ergebnis in Ihrem Bericht 4.8.",
    )

    # 4.5 Headlines as framing: the texts shown are read live; the build stops if the
    # corpus no longer has the headline the hand annotation judges.
    for key, item in SCHLAGZEILEN.items():
        live = schlagzeile(nb.value("texte")[item["text"]], item["part"])
        assert live == item["excerpt"], f"4.5 {key}: the corpus now has {live!r}; review"
    rahmen = "\n".join(f'- `"{k}"`: {v}' for k, v in RAHMEN.items())
    nb.md(
        "## 4.5 Schlagzeilen als Rahmung (Basis)\n\n"
        "Die Überschrift und der Vorspann entscheiden, was man zuerst sieht und wie man den "
        "Rest liest (Rahmung, englisch *framing*). Die folgende Zelle zeigt die Überschriften "
        "und den Vorspann der dpa-Meldung. Text 003 hat keine Überschrift.\n\n"
        "Was rückt jede Zeile in den Vordergrund? Wählen Sie je Zeile **eine** der Lesarten:\n\n"
        f"{rahmen}\n\n"
        "Speichern Sie Ihre Wahl im Wörterbuch `rahmung` mit den Schlüsseln "
        + ", ".join(f'`"{k}"`' for k in SCHLAGZEILEN)
        + ' und je einem Buchstaben als Wert, z. B. `"S1": "a"`. Eine Zeile darf von der '
        "Lesart des Kurses abweichen, denn manche Überschrift rahmt doppelt."
    )
    zeigen = {k: (v["text"], v["part"]) for k, v in SCHLAGZEILEN.items()}
    nb.setup(
        f"TEILE = {TEILE!r}\n"
        f"MEDIEN = {MEDIEN!r}\n"
        f"for _k, (_id, _teil) in {zeigen!r}.items():\n"
        "    _d = texte[_id]\n"
        '    if _teil == "title":\n'
        "        _zeile = _d.title\n"
        "    else:\n"
        '        _zeile = " ".join(p.text for p in _d.paragraphs if p.kind == "lead")\n'
        '    print(f"{_k} | Text {_id} ({MEDIEN.get(_d.outlet, _d.outlet)}) | {TEILE[_teil]}: {_zeile}")'
    )
    auswahl(
        nb,
        "a4_rahmung",
        "rahmung",
        {k: v["frame"] for k, v in SCHLAGZEILEN.items()},
        {k: list(RAHMEN) for k in SCHLAGZEILEN},
        hint="Mehrere Zeilen passen nicht zu dem, was sie zuerst nennen. Lesen Sie jede "
        "Zeile bis zum Ende: Was steht nach dem Doppelpunkt oder dem Gedankenstrich?",
    )
    nb.md(
        "**Frage 4.5 (Text, Erweiterung):** Formulieren Sie für `blog2` (001) eine "
        "Überschrift, die dasselbe Ereignis ohne die Rahmung der Originalzeile meldet, und "
        "erklären Sie in zwei bis drei Sätzen, was sich für die Leser ändert."
    )
    nb.written(
        "a4_rahmung_text",
        2,
        "Neue Überschrift: „Trump und Putin vereinbaren nach 90-minütigem Telefonat "
        "Verhandlungen über die Ukraine“. Die Originalzeile endet mit „– EU ignoriert“: Sie "
        "macht die EU zur Verliererin, bevor man ein Wort des Textes gelesen hat, und legt "
        "nahe, dass das gut so ist. Meine Zeile meldet nur, wer mit wem was vereinbart hat; "
        "ob die EU übergangen wird, müsste der Text mit Belegen zeigen.",
    )

    # 4.6 Lateral reading: every right answer is a fact the corpus files state.
    for key, item in SEITLICH.items():
        assert item["fact"](nb.value("texte")), (
            f"4.6 {key}: the corpus no longer states the fact behind answer "
            f"{item['answer']!r} ({item['question']}); review the question"
        )
    fragen = "\n\n".join(
        f'**`"{k}"`** {v["question"]}\n\n'
        + "\n".join(f'- `"{o}"`: {t}' for o, t in v["options"].items())
        for k, v in SEITLICH.items()
    )
    nb.md(
        "## 4.6 Wer steht dahinter? Seitlich lesen (Basis)\n\n"
        "Faktenprüfer lesen *seitlich* (englisch *lateral reading*): Bevor sie einem Text "
        "glauben, fragen sie, wer ihn veröffentlicht, wie sich die Seite finanziert und woher "
        "die Angaben stammen. Sie brauchen dafür hier kein Internet: Die folgende Zelle zeigt "
        "zu jedem Text, was die Kopie im Korpus über ihre Herkunft verrät (Medium, Gattung, "
        "Datum, Autor und die Teile der Seite, die nicht zum Artikel gehören). Lesen Sie auch "
        "die Texte selbst (oben).\n\n"
        f"{fragen}\n\n"
        "Speichern Sie Ihre Antworten im Wörterbuch `seitlich` mit den Schlüsseln "
        + ", ".join(f'`"{k}"`' for k in SEITLICH)
        + ' und je einem Buchstaben als Wert, z. B. `"L1": "a"`.'
    )
    nb.setup(
        f"GATTUNGEN = {GATTUNGEN!r}\n"
        f"MEDIEN = {MEDIEN!r}\n"
        f"REST_ARTEN = {REST_ARTEN!r}\n"
        "for d in korpus:\n"
        "    print(f\"Text {d.id}: Medium {MEDIEN.get(d.outlet, d.outlet) or 'nicht genannt'} | \"\n"
        "          f\"{GATTUNGEN.get(d.genre, d.genre)} | Datum {d.date or 'nicht genannt'} | \"\n"
        "          f\"Autor {d.author or 'nicht genannt'} | Adresse {d.url or 'nicht genannt'}\")\n"
        "    _gesehen = set()\n"
        "    for r in d.rest:\n"
        "        if (r.kind, r.text) in _gesehen:\n"
        "            continue\n"
        "        _gesehen.add((r.kind, r.text))\n"
        '        _zeile = " ".join(r.text.split())\n'
        '        print(f"   {REST_ARTEN.get(r.kind, r.kind)}: {_zeile[:110]}")\n'
        "    print()"
    )
    auswahl(
        nb,
        "a4_seitlich",
        "seitlich",
        {k: v["answer"] for k, v in SEITLICH.items()},
        {k: list(v["options"]) for k, v in SEITLICH.items()},
        hint="Mehrere Antworten passen nicht zu dem, was die Kopien über ihre Herkunft "
        "sagen. Lesen Sie die Ausgabe der Zelle oben noch einmal Zeile für Zeile.",
    )
    nb.md(
        "**Frage 4.6 (Text, Erweiterung):** Was müssten Sie außerhalb der Seite klären, "
        "bevor Sie `blog2` (001) als Quelle in einem Referat nutzen? Nennen Sie drei Fragen, "
        "wo Sie jeweils nachsehen würden (z. B. Impressum der Website, ein Lexikon- oder "
        "Presseartikel über das Medium, die Meldung der Nachrichtenagentur zum selben "
        "Ereignis) und warum. Sie sollen dafür **nicht** im Netz suchen: Es geht um die "
        "Fragen, nicht um die Antworten."
    )
    nb.written(
        "a4_seitlich_text",
        2,
        "1. Wer betreibt TKP und wer schreibt dort? Im Impressum von tkp.at steht, wer "
        "verantwortlich ist; ein Artikel über das Medium in einem Lexikon oder einer "
        "Zeitung sagt, wofür es bekannt ist. Die Kopie nennt weder Autor noch Datum.\n"
        "2. Wie finanziert sich die Seite? Sie bittet um Spenden; wer spendet und ob die "
        "Seite eine politische Richtung vertritt, steht nicht im Text.\n"
        "3. Stimmen die Angaben? Ich würde die Meldung einer Nachrichtenagentur zum selben "
        "Telefonat (die dpa-Meldung 002) und die zitierten Originale (Trumps Post, Hegseths "
        "Rede) daneben legen, denn 001 nennt keine Stellungnahme des Kremls.",
    )

    # 4.7 The own article (Erweiterung, graded by hand only).
    nb.md(
        "## 4.7 Ihr eigener Artikel (Erweiterung)\n\n"
        "Wählen Sie einen deutschsprachigen Zeitungs- oder Online-Artikel zu einem Thema, das "
        "Sie interessiert. Speichern Sie ihn **neben diesem Notebook** als "
        "`mein_artikel.txt` (Text kopieren und als UTF-8 speichern; die erste Zeile ist die "
        "Überschrift) oder als `mein_artikel.html` (im Browser: *Seite speichern unter …*). "
        "Geben Sie die Datei nicht weiter: Artikel gehören ihren Verlagen.\n\n"
        "Die folgende Zelle lädt die Datei mit mediakit. Ohne Datei nimmt sie ersatzweise "
        f"den Korpustext {ERSATZTEXT}, damit das Notebook trotzdem durchläuft."
    )
    nb.setup(
        "from pathlib import Path\n\n"
        f"EIGENE_DATEIEN = {EIGENE_DATEIEN!r}\n"
        "eigener_titel, eigener_text = None, None\n"
        "for _name in EIGENE_DATEIEN:\n"
        "    _pfad = Path(_name)\n"
        "    if not _pfad.is_file():\n"
        "        continue\n"
        "    try:\n"
        '        if _pfad.suffix == ".txt":\n'
        "            _dok = mediakit.load_document(_pfad)\n"
        "            eigener_titel, eigener_text = _dok.title, _dok.body\n"
        "        else:\n"
        '            _html = _pfad.read_text(encoding="utf-8", errors="replace")\n'
        "            _meta, eigener_text = mediakit.text_from_html(_html, with_metadata=True)\n"
        '            eigener_titel = _meta.get("title")\n'
        "        if not eigener_text.strip():\n"
        '            raise ValueError("die Datei enthält keinen Text")\n'
        '        print(f"Geladen: {_name} ({len(eigener_text.split())} Wörter), Titel: {eigener_titel}")\n'
        "    except (ValueError, UnicodeError) as _fehler:\n"
        '        print(f"{_name} ließ sich nicht lesen: {_fehler}")\n'
        "        eigener_titel, eigener_text = None, None\n"
        "    break\n"
        "if eigener_text is None:\n"
        "    print(\n"
        '        "Keine lesbare Datei mein_artikel.txt oder mein_artikel.html neben diesem "\n'
        f'        "Notebook gefunden. Ersatzweise wird der Korpustext {ERSATZTEXT} verwendet. "\n'
        '        "Legen Sie Ihre Datei in denselben Ordner und führen Sie diese Zelle erneut aus."\n'
        "    )\n"
        f'    eigener_titel, eigener_text = texte["{ERSATZTEXT}"].title, texte["{ERSATZTEXT}"].body'
    )
    nb.md(
        "Führen Sie dieselbe Analyse wie für das Korpus aus: Zeigen Sie Ihren Text mit "
        '`mediakit.highlight(eigener_text, ["quotes", "speakers", "evaluative"])` und '
        'vergleichen Sie ihn mit `mediakit.compare` und `relative_to="dpa"` mit der '
        "dpa-Meldung (`dpa.body`). Speichern Sie die Tabelle in `eigen_vergleich`. Diese "
        "Zelle gibt keine Punkte; bewertet wird Ihre Reflexion darunter."
    )
    nb.answer(
        "a4_eigen",
        'display(mediakit.highlight(eigener_text, ["quotes", "speakers", "evaluative"], '
        "title=eigener_titel))\n"
        'eigen_vergleich = mediakit.compare({"eigener Artikel": eigener_text, "dpa": dpa.body}, '
        'relative_to="dpa")\n'
        'eigen_vergleich[["id", "flesch_amstad", "quotes_per_1000_words", "named_share", '
        '"evaluative_per_1000_words"]]',
    )
    nb.task(
        "a4_eigen_reflexion",
        3,
        "**Aufgabe 4.7 (Reflexion, von Hand bewertet, Erweiterung):** Schreiben Sie in einer "
        "neuen Markdown-Zelle **unter dieser Zelle** 120–200 Wörter: Welchen Artikel haben "
        "Sie gewählt (Medium, Datum, Überschrift; ohne eigene Datei: Text "
        f"{ERSATZTEXT})? Was zeigen zwei Kennzahlen im Verhältnis zur dpa-Meldung? Prüfen "
        "Sie zwei markierte Stellen: Hat das Werkzeug recht? Was würden Sie über das Medium "
        "seitlich nachprüfen (4.6)?",
        "- Artikel mit Medium, Datum und Überschrift genannt; zwei Kennzahlen aus "
        "`eigen_vergleich` richtig wiedergegeben und als Verhältnis zur dpa gedeutet (1 P.)\n"
        "- zwei markierte Stellen zitiert und begründet beurteilt (richtig, falsch oder "
        "strittig; wer spricht dort?) (1 P.)\n"
        "- begründetes Urteil, das Messung und Deutung trennt, mit einer Grenze der Messung "
        "oder einer Frage des seitlichen Lesens (1 P.)",
    )

    nb.md("## 4.8 Ihr Bericht (Basis)")
    nb.task(
        "a4_bericht",
        8,
        "**Aufgabe 4.8 (Bericht, von Hand bewertet):** Schreiben Sie in einer neuen "
        "Markdown-Zelle **unter dieser Zelle** einen Bericht von 250–400 Wörtern: *Wie "
        "unterscheiden sich die dpa-Meldung und einer der Blogbeiträge in Lesbarkeit, "
        "Quellen und Wortwahl?* Verwenden Sie mindestens drei Kennzahlen aus 4.1/4.2, "
        "belegen Sie jede mit einer Textstelle (Zitat mit Anführungszeichen) und nennen Sie "
        "mindestens eine Grenze der Messung aus 4.4. Schließen Sie mit einem begründeten "
        "Urteil.",
        "- Fragestellung und die zwei verglichenen Texte sind genannt (1 P.)\n"
        "- mindestens drei Kennzahlen korrekt wiedergegeben und erklärt (3 P., je 1)\n"
        "- jede Kennzahl mit einer passenden Textstelle belegt (2 P.)\n"
        "- mindestens eine Grenze der Messung (Ironie, Auswahl, Auslassung) am Beispiel (1 P.)\n"
        "- begründetes Urteil, das zwischen Messung und Deutung trennt (1 P.)",
    )
    _punkte = {q["grade_id"].rsplit("_", 1)[0]: q for q in nb.questions}
    _erweiterung = {k: _punkte[k]["points"] for k in ERWEITERUNG_04}
    _gesamt = sum(q["points"] for q in nb.questions)
    assert _erweiterung == ERWEITERUNG_04, f"04: Erweiterung points are {_erweiterung}"
    assert all(_punkte[k]["kind"] != "auto" for k in ERWEITERUNG_04), "04: auto Erweiterung"
    assert {"gesamt": _gesamt, "basis": _gesamt - sum(_erweiterung.values())} == PUNKTE_04, (
        f"04: {_gesamt} points in all; update PFADE_04, PUNKTE_04 and LEITFADEN"
    )
    return nb


def notebooks(Notebook: Any) -> list[Any]:
    """All answer keys, in course order."""
    return [lesbarkeit(Notebook), zitate(Notebook), wertung(Notebook), vergleich(Notebook)]

"""The planted bugs of ``make mutate``: plausible mistakes in the core, one a mutant.

Each mutant replaces exact text in one module of ``extension/argmap`` (each ``old`` must occur
exactly once, so a mutant that no longer applies fails loudly instead of passing unnoticed).
The first six are issue 14's audit table; the rest were written down before the tests they
meet, one or more for each promise the core makes. ``equivalent`` marks a mutant no test can
tell from the original, with why; it is still run, and reported apart.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MUTANTS", "Mutant"]


@dataclass(frozen=True)
class Mutant:
    """One planted bug: in ``module``, each ``old`` text becomes its ``new`` text."""

    name: str
    module: str
    edits: tuple[tuple[str, str], ...]
    why: str
    equivalent: str = ""


def _m(name: str, module: str, old: str, new: str, why: str, equivalent: str = "") -> Mutant:
    return Mutant(name, module, ((old, new),), why, equivalent)


EVALUATE = "evaluate.py"
QUOTING = "render/quoting.py"
ATOMIC = "_atomic.py"
MODEL = "model/argument_map.py"
AIF = "formats/_aif.py"
ARGDOWN = "formats/_argdown.py"
JSON = "formats/_json.py"

MUTANTS: tuple[Mutant, ...] = (
    # ---- issue 14's audit ----------------------------------------------------------------
    _m(
        "accepted-with-unsettled-reasons",
        EVALUATE,
        "and (backed[target] or not graph.supporters.count(target))",
        "",
        "a statement is accepted once its attackers fall, though its reasons are unsettled",
    ),
    _m(
        "vertical-tab-let-through",
        QUOTING,
        r"[\x00-\x08\x0b-\x1f",
        r"[\x00-\x08\x0e-\x1f",
        "vertical tab and form feed reach the SVG (XML forbids them)",
    ),
    Mutant(
        "save-in-place",
        ATOMIC,
        (
            (
                "os.replace(temporary, target)",
                "target.write_bytes(data)\n        os.unlink(temporary)",
            ),
        ),
        "the atomic save writes the file in place",
    ),
    Mutant(
        "aif-ra-ca-reversed",
        AIF,
        (
            (
                "edge(i_nodes[relation.origin], s_node)\n        edge(s_node, i_nodes[relation.target])",
                "edge(i_nodes[relation.target], s_node)\n        edge(s_node, i_nodes[relation.origin])",
            ),
            (
                "pairs = [(p, end, verdict) for p in premises]",
                "pairs = [(end, p, verdict) for p in premises]",
            ),
        ),
        "AIF RA/CA edges reversed in the reader and the writer (round trips still pass)",
    ),
    _m(
        "argdown-data-column",
        ARGDOWN,
        "column = mark.column + 1 if mark.line",
        "column = mark.column if mark.line",
        "the column of a YAML error in a block {data} is off by one",
    ),
    _m(
        "update-relation-unrecorded",
        MODEL,
        'self._put("relations", new.key, new, f"edit relation {origin} -> {target}")',
        'self._rows["relations"][new.key] = new',
        "update_relation writes without undo or announcement",
    ),
    # ---- evaluation ----------------------------------------------------------------------
    _m(
        "unfounded-one-reason-early",
        EVALUATE,
        "if label[target] == _NONE and reasons_left[target] == 0:",
        "if label[target] == _NONE and reasons_left[target] <= 1:",
        "a claim falls when all but one of its reasons fell",
    ),
    _m(
        "no-overruling",
        EVALUATE,
        "overruled = [m for m in graph.attacks[n] if fixed_in[m]]",
        "overruled: list[int] = []",
        "an attack on what the court accepted no longer fails",
    ),
    _m(
        "undecided-counts-as-court-accepted",
        EVALUATE,
        "fixed_in[n] = label[n] == _IN",
        "fixed_in[n] = label[n] != _OUT",
        "a conflicting verdict overrules attackers as if the court had accepted",
    ),
    _m(
        "conflict-ignored",
        EVALUATE,
        "        if accepting:\n            return Standing(",
        "        if accepting and False:\n            return Standing(",
        "findings that conflict reject instead of leaving the statement undecided",
    ),
    _m(
        "acknowledged-decisive",
        EVALUATE,
        'return Standing("accepted", tuple(accepting), stated or bool(upheld))',
        'return Standing("accepted", tuple(accepting), True)',
        "an acknowledgement counts as decisive",
    ),
    _m(
        "combine-boundary",
        EVALUATE,
        "if met + open_ < needed[rule]:",
        "if met + open_ <= needed[rule]:",
        "a test that can still be met is called not met",
    ),
    _m(
        "movant-side-ignored",
        EVALUATE,
        "    if movant and party != movant:\n        favourable = not favourable",
        "    if movant and party == movant:\n        favourable = not favourable",
        "verdicts counted for the wrong side of a motion",
    ),
    _m(
        "grounds-not-transitive",
        EVALUATE,
        "todo.extend(m for m in graph.supporters[n] if graph.court[m])",
        "todo.extend(m for m in graph.supporters[n] if not graph.court[m])",
        "a factor no longer follows the court's findings that support its deciding finding",
    ),
    # ---- quoting -------------------------------------------------------------------------
    _m(
        "html-ampersand-unescaped",
        QUOTING,
        '        ("&", "&amp;"),\n        ("<", "&lt;"),',
        '        ("<", "&lt;"),',
        "an ampersand in a label is passed to Graphviz as the start of an entity",
    ),
    _m(
        "html-backslash-kept",
        QUOTING,
        'return text.replace("\\\\", "\\\\\\\\")',
        "return text",
        "a backslash in a label lets Graphviz expand \\N, \\G",
    ),
    _m(
        "esc-string-newline",
        QUOTING,
        """.replace("\\n", "\\\\n") + '"'""",
        """+ '"'""",
        "a newline ends up raw inside a DOT string",
    ),
    _m(
        "url-quote-kept",
        QUOTING,
        'safe=":/?#[]@!$&\'()*+,;=%~"',
        'safe=":/?#[]@!$&\'()*+,;=%~\\"<>"',
        "quotes and angle brackets in a link reach the SVG",
    ),
    _m(
        "wrap-cut-overlong",
        QUOTING,
        'lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"',
        'lines[-1] = lines[-1] + "…"',
        "a cut line grows past its width",
    ),
    # ---- atomic save ---------------------------------------------------------------------
    _m(
        "permissions-lost",
        ATOMIC,
        "        if target.exists():\n            os.chmod(temporary, target.stat().st_mode",
        "        if False:\n            os.chmod(temporary, target.stat().st_mode",
        "a save resets the file's permission bits",
    ),
    _m(
        "symlink-replaced",
        ATOMIC,
        "        target = target.resolve()",
        "        pass",
        "saving through a link replaces the link with a copy",
    ),
    _m(
        "sweep-fresh-files",
        ATOMIC,
        "if now - leftover.stat().st_mtime > STALE_SECONDS:",
        "if now - leftover.stat().st_mtime > -1:",
        "a save removes another writer's temporary file that is still being written",
    ),
    _m(
        "no-fsync",
        ATOMIC,
        "            os.fsync(handle.fileno())\n",
        "",
        "the data may not be on disk when the rename is",
        equivalent="only a power cut between write and rename shows it; no test can",
    ),
    _m(
        "temporary-left-on-error",
        ATOMIC,
        "        Path(temporary).unlink(missing_ok=True)\n        raise",
        "        raise",
        "a failed save leaves its temporary file behind",
    ),
    # ---- the model -----------------------------------------------------------------------
    _m(
        "update-party-unrecorded",
        MODEL,
        'self._put("parties", party_id, new, f"edit party {party_id}")',
        'self._rows["parties"][party_id] = new',
        "update_party writes without undo or announcement",
    ),
    _m(
        "update-party-unchecked",
        MODEL,
        "            for statement in self.statements_of(party_id):\n"
        "                self._check_speaker(statement, new)",
        "            pass",
        "a party with arguments can become the court (or the court a party with findings)",
    ),
    _m(
        "update-source-unrecorded",
        MODEL,
        'self._put("sources", source_id, new, f"edit source {source_id}")',
        'self._rows["sources"][source_id] = new',
        "update_source writes without undo or announcement",
    ),
    _m(
        "remove-test-unrecorded",
        MODEL,
        'self._put("tests", test_id, None, f"remove legal test {test_id}")',
        'del self._rows["tests"][test_id]',
        "remove_test deletes without undo or announcement",
    ),
    _m(
        "update-test-unchecked",
        MODEL,
        "        if new != old:\n            self._check_test(new)",
        "        if new != old:\n            pass",
        "update_test accepts a test that names an unknown finding",
    ),
    _m(
        "redo-forgotten",
        MODEL,
        "        self._apply_all(inverse.edits)\n        self._redo.append(change)",
        "        self._apply_all(inverse.edits)",
        "an undone change cannot be redone",
    ),
    _m(
        "undo-restores-at-end",
        MODEL,
        "items.insert(edit.index, (edit.key, edit.after))",
        "items.append((edit.key, edit.after))",
        "undoing a removal puts the row back at the end, not where it stood",
    ),
    _m(
        "batch-not-rolled-back",
        MODEL,
        "self._apply_all(e.inverse() for e in reversed(edits))",
        "pass",
        "a failing batch leaves half its changes",
    ),
    _m(
        "duplicate-statement-id",
        MODEL,
        'if id in self._rows["statements"]:',
        "if False:",
        "a second statement with a taken id replaces the first",
    ),
    _m(
        "removed-statement-still-decides",
        MODEL,
        "deciding=tuple(d for d in f.deciding if d != statement_id)",
        "deciding=f.deciding",
        "a removed finding still decides a test's factor",
    ),
    _m(
        "verdict-from-a-reason",
        MODEL,
        'ends[0].kind not in ("finding", "ruling")',
        'ends[0].kind not in ("finding", "ruling", "reason")',
        "a party's reason may uphold or reject",
    ),
    _m(
        "listener-error-stops-others",
        MODEL,
        "            except Exception as error:  # every listener hears of the change; errors go on after\n"
        "                errors.append(error)",
        "            except Exception:\n                raise",
        "one broken listener keeps the others from hearing of a change",
    ),
    # ---- readers and writers -------------------------------------------------------------
    _m(
        "aif-rejects-as-ra",
        AIF,
        'kind = "CA" if relation.kind in ("attack", "rejects") else "RA"',
        'kind = "CA" if relation.kind == "attack" else "RA"',
        "a court's rejection is written as an inference",
    ),
    _m(
        "aif-undercut-supports",
        AIF,
        'pairs = [(p, q, "attack") for p in premises for q in graph.sources(end, "I")]',
        'pairs = [(p, q, "support") for p in premises for q in graph.sources(end, "I")]',
        "an undercut (CA -> RA) is read as support",
    ),
    _m(
        "argdown-dash-title",
        ARGDOWN,
        'title.startswith(("!--", "+", "-", "_"))',
        'title.startswith("!--")',
        'a title "- Buses" is written as <- Buses>, which reads back as a relation',
    ),
    _m(
        "argdown-inline-data-column",
        ARGDOWN,
        "else column + mark.column + int(block)",
        "else column + mark.column + int(block) + 1",
        "the column of a YAML error in an inline {data} is off by one",
    ),
    _m(
        "argdown-contra-as-pro",
        ARGDOWN,
        'kind = "support" if "+" in symbol else "attack"',
        'kind = "support" if "+" in symbol or "_" in symbol else "attack"',
        "an undercut (_) relation is read as support",
    ),
    _m(
        "json-duplicate-key-kept",
        JSON,
        "            if key in made:\n                twice.append((key, made))",
        "            pass",
        'a key given twice in a JSON map silently keeps the last ("statements" twice)',
    ),
)

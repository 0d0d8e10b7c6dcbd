"""The ``argmap`` command: render, validate, convert and evaluate maps, list the examples.

Exit codes: 0 done, 1 invalid input or a drawing that failed, 2 wrong usage.
Problems go to standard error, one line each, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from . import example, examples, formats, load
from ._atomic import write_atomic
from .exceptions import ArgmapError
from .render import DIRECTIONS, OUTPUTS, output_format

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _version() -> str:
    from . import __version__
    from .render import _backend

    return f"argmap {__version__}\n{_backend.describe()}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description=(
            "Argument maps of both parties' positions and the court's findings, drawn with "
            "Graphviz. Maps are *.argmap.json files; see `argmap example` for one to start from."
        ),
        epilog="Exit codes: 0 done, 1 invalid input or failed drawing, 2 wrong usage.",
    )
    parser.add_argument(
        "--version", action="store_true", help="show the version and which Graphviz engine draws"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    draw = commands.add_parser(
        "render",
        help="draw a map as SVG, PNG, PDF, DOT or Graphviz JSON",
        description="Draw a map. The format comes from --format or the output file's ending "
        f"({', '.join(sorted(OUTPUTS))}). The output file is written only if drawing succeeds.",
    )
    draw.add_argument("map", metavar="MAP", help="the map file (*.argmap.json)")
    draw.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write (default: standard output)"
    )
    draw.add_argument(
        "-f",
        "--format",
        choices=sorted(OUTPUTS),
        help="output format (default: from OUT's ending, else svg)",
    )
    draw.add_argument(
        "--from",
        dest="source_format",
        metavar="FMT",
        choices=sorted(formats.FORMATS),
        help="format of MAP when its ending does not tell",
    )
    draw.add_argument(
        "-d",
        "--direction",
        choices=DIRECTIONS,
        default="BT",
        help="where arrows point: BT (reasons below claims, default), TB, LR, RL",
    )
    draw.add_argument("--legend", action="store_true", help="add a key to the shapes and lines")
    draw.add_argument(
        "--evaluate",
        action="store_true",
        help="show which statements stand (accepted, rejected, undecided) and each test's outcome",
    )
    draw.add_argument(
        "--width", type=int, default=34, help="characters a line of text in a box (default 34)"
    )
    draw.add_argument(
        "--max-lines",
        type=int,
        default=6,
        help="lines of text a box shows, 0 for titles only (default 6)",
    )
    draw.add_argument(
        "--engine",
        choices=("auto", "system", "wasm"),
        default="auto",
        help="Graphviz to use: the system `dot`, the embedded WebAssembly one (SVG only), or auto (default)",
    )
    draw.set_defaults(run=_render)

    check = commands.add_parser("validate", help="check map files and report every problem")
    check.add_argument("maps", metavar="MAP", nargs="+", help="map files to check")
    check.add_argument(
        "--from",
        dest="source_format",
        metavar="FMT",
        choices=sorted(formats.FORMATS),
        help="format of the files",
    )
    check.set_defaults(run=_validate)

    convert = commands.add_parser(
        "convert",
        help="convert a map from one file format to another",
        description=f"Convert a map. Formats: {', '.join(f'{f.name} ({f.description})' for f in formats.FORMATS.values())}.",
    )
    convert.add_argument("source", metavar="IN")
    convert.add_argument("target", metavar="OUT")
    convert.add_argument(
        "--from", dest="source_format", metavar="FMT", choices=sorted(formats.FORMATS)
    )
    convert.add_argument(
        "--to", dest="target_format", metavar="FMT", choices=sorted(formats.FORMATS)
    )
    convert.set_defaults(run=_convert)

    judge = commands.add_parser(
        "evaluate",
        help="report which positions stand, and why; each legal test's outcome",
        description="Evaluate a map: the court's findings decide what they address, support "
        "and attack decide the rest (grounded labelling); each legal test's factors are met or "
        "not by their findings. Prints each test's outcome factor by factor, then each "
        "party's positions with their status and reasons.",
    )
    judge.add_argument("map", metavar="MAP", help="the map file (*.argmap.json)")
    judge.add_argument(
        "--from",
        dest="source_format",
        metavar="FMT",
        choices=sorted(formats.FORMATS),
        help="format of MAP when its ending does not tell",
    )
    judge.add_argument("--json", action="store_true", help="print the report as JSON")
    judge.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="every statement of every party, with the status of what decided it",
    )
    judge.set_defaults(run=_evaluate)

    bundled = commands.add_parser(
        "example", help="write a bundled example map to a file or list them"
    )
    bundled.add_argument(
        "name", nargs="?", choices=examples(), help="which example (omit to list them)"
    )
    bundled.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write (default: standard output)"
    )
    bundled.set_defaults(run=_example)
    return parser


def _write(output: str | None, data: bytes) -> None:
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


def _render(args: argparse.Namespace) -> int:
    fmt = (
        output_format(args.output, args.format)
        if args.output not in (None, "-") or args.format
        else "svg"
    )
    if args.output not in (None, "-") and _same_file(args.output, args.map):
        raise ArgmapError(
            f"{args.output}: that is the map being drawn; writing the drawing there would "
            "replace the map"
        )
    themap = load(args.map, args.source_format)
    data = themap.render(
        fmt,
        engine=args.engine,
        direction=args.direction,
        legend=args.legend,
        width=args.width,
        max_lines=args.max_lines,
        evaluate=args.evaluate,
    )
    _write(args.output, data)
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    themap = load(args.map, args.source_format)
    evaluation = themap.evaluate()
    if args.json:
        print(json.dumps(evaluation.to_dict(themap), ensure_ascii=False, indent=2))
    else:
        print(evaluation.report(themap, verbose=args.verbose))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for path in args.maps:
        try:
            themap = load(path, args.source_format)
        except ArgmapError as error:
            _report(error)
            status = EXIT_INVALID
            continue
        counts = (
            (len(themap.parties), "party", "parties"),
            (len(themap.statements), "statement", "statements"),
            (len(themap.relations), "relation", "relations"),
            (len(themap.tests), "legal test", "legal tests"),
        )
        sizes = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)
        print(f"{path}: ok ({sizes})")
    return status


def _convert(args: argparse.Namespace) -> int:
    themap = load(args.source, args.source_format)
    themap.save(args.target, args.target_format)
    target = formats.find_format(args.target, args.target_format)
    for note in target.lossy(themap) if target.lossy else []:
        print(f"argmap: note: {note}", file=sys.stderr)
    return EXIT_OK


def _example(args: argparse.Namespace) -> int:
    if args.name is None:
        for name in examples():
            print(f"{name}: {example(name).title}")
        return EXIT_OK
    _write(args.output, example(args.name).dumps().encode("utf-8"))
    return EXIT_OK


def _report(error: BaseException) -> None:
    for line in str(error).splitlines() or [type(error).__name__]:
        print(f"argmap: error: {line}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        print(_version())
        return EXIT_OK
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return run(args)
    except (ArgmapError, ValueError) as error:
        _report(error)
        return EXIT_INVALID
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        _report(OSError(f"{where}{error.strerror or error}"))
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""Problems found in an input file, reported one line each as `file:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass

from govcloud.words.characters import shown


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # One line, whatever a key, a value or a file name holds: a control character (ESC, CR,
        # a newline) or a bidirectional override is shown as its escape, never sent to the terminal.
        return shown(f"{self.file}:{self.line}: {self.field}: {self.message}")


class InputError(Exception):
    """Raised with every problem in an input at once, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.field))
        super().__init__("\n".join(map(str, self.problems)))


def field_path(loc: tuple) -> str:
    """('products', 0, 'tiers', 3, 'annual') -> 'products[0].tiers[3].annual'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"

"""`python -m addons.serve run …`: the `rasa` command, with `addons.patches` applied first."""

from __future__ import annotations

import sys

from addons import patches


def main() -> None:
    patches.apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()

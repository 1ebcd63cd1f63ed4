"""`python -m generator` and the `generate-error-bindings` command. A run its stamp shows
would change nothing answers before the rest of the generator is even imported."""

import gc
import os
import sys

from . import stamp


def console(prog: str | None = None) -> None:
    # main leaves the cycle collector as it found it: off, here, so that it does not wake
    # on the way out to look through every object of the run (12 ms at 10,000 codes).
    gc.disable()
    arguments = sys.argv[1:]
    code = stamp.answer(arguments)
    if code is None:
        from .cli import main

        code = main(arguments, prog or os.path.basename(sys.argv[0]) or "generate-error-bindings")
    # The process ends here, without freeing the catalogue's model object by object (20 ms
    # at 10,000 codes, 60 ms at 100,000): the system takes the memory back at once. Every
    # file it wrote is closed already.
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105 - contextlib is 2 ms more to import
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what was lost is lost either way
            pass
    os._exit(code)


if __name__ == "__main__":
    console("python -m generator")

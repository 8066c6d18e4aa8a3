"""checks.py: the assertion helper of the Python tests: check() keeps going after a failure so
one run shows every broken case; finish() prints the tally and gives the exit code."""
import sys

_tally = {"checks": 0, "failures": 0}


def check(cond, what):
    """Count a check; print what failed (on stderr) when cond is false."""
    _tally["checks"] += 1
    if not cond:
        _tally["failures"] += 1
        print(f"FAIL: {what}", file=sys.stderr)


def finish(name):
    """Print 'NAME: N checks, M failed' and return the exit code (1 when anything failed)."""
    print(f"{name}: {_tally['checks']} checks, {_tally['failures']} failed")
    return 1 if _tally["failures"] else 0

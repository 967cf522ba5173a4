"""Compiles the benchmark's small C programs with $CC, or the first of cc, gcc and clang found."""
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def compile_c(source, work, libraries=()):
    """Compiles `source` (a file beside this one) into `work` and returns the program's path."""
    compiler = os.environ.get("CC") or next((c for c in ("cc", "gcc", "clang") if shutil.which(c)), None)
    if compiler is None:
        raise SystemExit("bench: no C compiler (cc, gcc or clang) found; set CC")
    program = os.path.join(work, os.path.splitext(source)[0])
    subprocess.run([compiler, "-O2", "-o", program, os.path.join(HERE, source)] + [f"-l{lib}" for lib in libraries],
                   check=True)
    return program

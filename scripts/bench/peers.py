"""Makes the benchmark's peers ready: the Python libraries (installed with pip when missing; the
product and its tests never need them) and the C floor, compiled against libxlsxwriter."""
import importlib.util
import subprocess
import sys

import native

# Module name → the package that provides it.
PYTHON_PACKAGES = {
    "numpy": "numpy",
    "pandas": "pandas",
    "xlsxwriter": "XlsxWriter",
    "openpyxl": "openpyxl",
    "python_calamine": "python-calamine",
}


def ensure_python_packages():
    """Installs the missing peer libraries for this interpreter; exits with a message when pip cannot."""
    missing = [package for module, package in PYTHON_PACKAGES.items() if importlib.util.find_spec(module) is None]
    if not missing:
        return
    print(f"Installing the benchmark's Python peers: {' '.join(missing)}", file=sys.stderr)
    pip = [sys.executable, "-m", "pip", "install", "--quiet"]
    # A Debian system Python refuses plain installs (PEP 668); the user site does not touch it.
    if subprocess.call(pip + missing) != 0 and subprocess.call(pip + ["--user", "--break-system-packages"] + missing) != 0:
        raise SystemExit(f"bench: cannot install {' '.join(missing)} with pip; install them, or python3-pip, and run again")
    importlib.invalidate_caches()


def build_floor(work):
    """Compiles xlsx_floor.c into `work` and returns the program's path."""
    return native.compile_c("xlsx_floor.c", work, libraries=["xlsxwriter"])

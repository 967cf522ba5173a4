"""What the figures were measured on: cores, CPU, load, toolchain and library versions, date."""
import datetime
import os
import platform
import subprocess
import sys
from importlib import metadata


def command_line(command):
    """The first line a command prints, or "n/a" when it cannot run."""
    try:
        output = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return "n/a"
    return output.strip().splitlines()[0] if output.strip() else "n/a"


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            return next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or "n/a"


def debian_version(package):
    return command_line(["dpkg-query", "-W", "-f=${Version}", package])


def facts():
    """An ordered list of (what, value) pairs."""
    libraries = ", ".join(f"{name} {metadata.version(name)}" for name in ("pandas", "numpy", "XlsxWriter", "openpyxl", "python-calamine"))
    return [
        ("date", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("nproc", command_line(["nproc"])),
        ("CPU", cpu_model()),
        ("load average at start", " ".join(f"{load:.2f}" for load in os.getloadavg())),
        ("memory", f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"),
        ("Swift", command_line(["swift", "--version"])),
        ("Python", f"{platform.python_version()} ({sys.executable}): {libraries}"),
        ("C libraries", f"libxlsxwriter {debian_version('libxlsxwriter-dev')}, libsqlite3 {debian_version('libsqlite3-dev')}"),
        ("C compiler", command_line([os.environ.get("CC", "cc"), "--version"])),
    ]

"""Fills the current Chinese form with LibreOffice like fill_with_libreoffice.py, but with every
answer valid (G1.2 a number rather than =NA()), for the fixture that must import and score.

usage: /usr/bin/python3 fill_clean_with_libreoffice.py TEMPLATE.xlsx OUT.xlsx
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fill_with_libreoffice as fill  # noqa: E402

fill.ANSWERS = [(key, cell, "15" if key == "G1.2" else typed) for key, cell, typed in fill.ANSWERS]

if __name__ == "__main__":
    fill.main(sys.argv[1], sys.argv[2])

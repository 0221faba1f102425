"""Quality checks for the bank22 question files (shared logic in tools/banks/bank.py,
this bank's settings in config.py). Run from the repository root:
    python3 tools/bank22/check.py
Exits non-zero on any failure."""
import pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'banks'))
import bank
from config import CONFIG
sys.exit(bank.check(CONFIG))

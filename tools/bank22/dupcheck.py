"""Print only the bank22 questions that duplicate (case-insensitive, whitespace-normalised)
a question in another src/test/resources/eval/*.jsonl file or in answerable-examples.jsonl
(shared logic in tools/banks/bank.py). Run from the repository root after build.py:
    python3 tools/bank22/dupcheck.py"""
import pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'banks'))
import bank
from config import CONFIG
sys.exit(bank.dupcheck(CONFIG))

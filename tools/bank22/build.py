"""Build the bank22 JSONL files from the hand-written sources in this folder
(passages.txt, inscope.txt, oos.txt), using the shared logic in tools/banks/bank.py
and this bank's settings in config.py.
Run from the repository root: python3 tools/bank22/build.py
"""
import pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'banks'))
import bank
from config import CONFIG
bank.build(CONFIG, pathlib.Path(__file__).resolve().parent)

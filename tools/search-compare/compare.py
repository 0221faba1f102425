#!/usr/bin/env python3
"""Byte-for-byte comparison of two running servers' /api/search responses.

usage: compare.py OLD_PORT NEW_PORT QUERIES [QUERIES ...]
  QUERIES: a .jsonl file (each line's "q"), a paths.txt of /api/search paths (their q), or plain text
  (one query a line). Every query is asked in each form of FORMS from both servers, over loopback;
  prints how many responses were identical and the first few that were not. Exit status 1 on any
  difference. Stdlib only.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

# The forms each query is asked in: plain, no facets, documents, page 2, a deep page, and a filter
# that matches nothing (empty-result path). Status codes are compared as well as bodies.
FORMS = ["limit=10", "limit=10&facets=none", "limit=10&group=document", "limit=10&offset=10",
         "limit=3&group=document&facets=none", "limit=50", "limit=10&offset=10&facets=none&group=document"]
SHOWN = 5


def queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if path.endswith(".jsonl"):
                out.append(json.loads(line)["q"])
            elif line.startswith("/api/search?"):
                out.append(urllib.parse.parse_qs(line.split("?", 1)[1])["q"][0])
            else:
                out.append(line)
    return out


def get(port, query):
    url = "http://127.0.0.1:%d/api/search?%s" % (port, query)
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    old, new = int(argv[1]), int(argv[2])
    texts = [q for path in argv[3:] for q in queries(path)]
    same = differ = 0
    for text in texts:
        for form in FORMS:
            query = form + "&q=" + urllib.parse.quote_plus(text)
            a, b = get(old, query), get(new, query)
            if a == b:
                same += 1
                continue
            differ += 1
            if differ <= SHOWN:
                print("DIFFERENT: %s\n  old %d %s\n  new %d %s" % (query, a[0], a[1][:400], b[0], b[1][:400]))
    print("%d queries x %d forms: %d identical, %d different" % (len(texts), len(FORMS), same, differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

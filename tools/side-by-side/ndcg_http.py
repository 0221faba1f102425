#!/usr/bin/env python3
"""nDCG@10 (trec_eval ndcg_cut.10) of this server's /api/search over HTTP on a BEIR collection
loaded as a corpus folder by make_inputs.py (copy 0 keeps the BEIR ids as document ids).

usage: ndcg_http.py PORT BEIR_DIR [EXTRA_QUERY]     e.g. EXTRA_QUERY="&group=document"
Asks for 10 results per judged test query and scores each result's docId in rank order; a document
listed twice (two of its passages) counts once, at its first rank, as trec_eval does.
"""
import json
import math
import os
import sys
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True


def main():
    port, beir = sys.argv[1], sys.argv[2]
    extra = sys.argv[3] if len(sys.argv) > 3 else ""
    queries = {}
    with open(os.path.join(beir, "queries.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                q = json.loads(line)
                queries[str(q["_id"])] = q["text"]
    qrels = {}
    with open(os.path.join(beir, "qrels", "test.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f.read().splitlines()):
            parts = line.strip().split("\t")
            if len(parts) < 3 or (i == 0 and not parts[2].lstrip("-").isdigit()):
                continue
            qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    total, distinct = 0.0, 0
    for qid, judged in qrels.items():
        url = (f"http://127.0.0.1:{port}/api/search?limit=10&facets=none&q="
               + urllib.parse.quote_plus(queries[qid][:500]) + extra)
        with urllib.request.urlopen(url) as r:
            results = json.load(r)["results"]
        ranked = []
        for hit in results:
            if hit["docId"] not in ranked:
                ranked.append(hit["docId"])
        distinct += len(ranked)
        dcg = sum((2 ** judged.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
        ideal = sorted(judged.values(), reverse=True)[:10]
        idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        total += dcg / idcg if idcg > 0 else 0.0
    print(f"nDCG@10 {total / len(qrels):.4f} over {len(qrels)} queries "
          f"(distinct documents per page {distinct / len(qrels):.2f}){' with ' + extra if extra else ''}")


if __name__ == "__main__":
    main()

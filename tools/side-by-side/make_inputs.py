#!/usr/bin/env python3
"""Inputs for the side-by-side benchmark, from one BEIR collection, for both engines.

usage: make_inputs.py BEIR_DIR OUT_DIR COPIES [--flat]

Writes, under OUT_DIR:
  corpus/        one Markdown file per abstract, for the server (front matter id, title, type,
                 organisation; the abstract as the body), COPIES copies in sub-folders copy-NN
  corpus.jsonl   the same documents for the OpenSearch peer (_id, title, text), same ids
  paths.txt      one GET /api/search path per judged test query (qrels/test.tsv order), for wrk
  bodies.jsonl   one OpenSearch _search body per judged test query, the peer's own query shape
--flat maps an abstract as `eval --beir` does: the BEIR title as the first line of the body and the
document title only the id, so title words are not weighed twice (title and section fields).
Copy 0 keeps the BEIR ids, so qrels score against it; copy k > 0 appends -c<k> to every id.
Loops are bounded by the collection's size times COPIES.
"""
import json
import os
import sys
import urllib.parse

sys.dont_write_bytecode = True


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_query_ids(qrels_path):
    ids = []
    with open(qrels_path, encoding="utf-8", newline="") as f:
        for i, line in enumerate(f.read().splitlines()):
            parts = line.strip().split("\t")
            if len(parts) < 3 or (i == 0 and not parts[2].lstrip("-").isdigit()):
                continue
            if parts[0] not in ids:
                ids.append(parts[0])
    return ids


def main():
    beir, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    flat = "--flat" in sys.argv[4:]
    if not 1 <= copies <= 50:
        sys.exit("COPIES must be 1..50")
    docs = read_jsonl(os.path.join(beir, "corpus.jsonl"))
    os.makedirs(os.path.join(out, "corpus"), exist_ok=True)
    written = 0
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as peer:
        for k in range(copies):
            folder = os.path.join(out, "corpus", f"copy-{k:02d}")
            os.makedirs(folder, exist_ok=True)
            for d in docs:
                doc_id = str(d["_id"]) if k == 0 else f"{d['_id']}-c{k}"
                title = " ".join(d.get("title", "").split()) or doc_id
                text = " ".join(d.get("text", "").split())
                body = f"{title}\n\n{text}" if flat else text
                shown = doc_id if flat else title
                # JSON strings are valid YAML double-quoted scalars: any title is safe in front matter.
                md = (f"---\nid: \"{doc_id}\"\ntitle: {json.dumps(shown, ensure_ascii=False)}\n"
                      f"type: abstract\norganisation: BEIR SciFact\n---\n\n{body}\n")
                with open(os.path.join(folder, doc_id + ".md"), "w", encoding="utf-8") as f:
                    f.write(md)
                peer.write(json.dumps({"_id": doc_id, "title": title, "text": text}, ensure_ascii=False) + "\n")
                written += 1
    queries = {str(q["_id"]): q["text"] for q in read_jsonl(os.path.join(beir, "queries.jsonl"))}
    ids = test_query_ids(os.path.join(beir, "qrels", "test.tsv"))
    with open(os.path.join(out, "paths.txt"), "w", encoding="utf-8") as f:
        for qid in ids:
            f.write("/api/search?limit=10&q=" + urllib.parse.quote_plus(queries[qid][:500]) + "\n")
    with open(os.path.join(out, "bodies.jsonl"), "w", encoding="utf-8") as f:
        for qid in ids:
            body = {"size": 10, "_source": False, "query": {"multi_match": {
                "query": queries[qid], "type": "best_fields", "fields": ["title", "text"], "tie_breaker": 0.5}}}
            f.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{written} documents ({copies} copies), {len(ids)} queries under {out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Asks a running server a fixed script (the first 30 questions of three test splits, then one search)
and writes the answers without their ids, one JSON line each, so two runs compare byte for byte
(`cmp a.out b.out`): e.g. models trained against models read back after a restart.

Usage (loopback, --rate-limit 0 or the default): python3 tools/restart/answers.py PORT OUT
"""
import json
import sys
import urllib.request

FILES = ['src/test/resources/eval/bank-inscope-test.jsonl', 'src/test/resources/eval/bank-oos-test.jsonl',
         'src/test/resources/eval/bank20-inscope-test.jsonl']


def main(port, out_path):
    questions = []
    for f in FILES:
        with open(f) as lines:
            questions += [json.loads(line)['q'] for line in lines][:30]
    with open(out_path, 'w') as out:
        for q in questions:
            req = urllib.request.Request(f'http://127.0.0.1:{port}/api/ask', data=json.dumps({'question': q}).encode(),
                                         headers={'content-type': 'application/json'})
            answer = json.load(urllib.request.urlopen(req, timeout=300))
            answer.pop('answerId', None)
            answer.pop('conversationId', None)
            out.write(json.dumps(answer, sort_keys=True) + '\n')
        search = urllib.request.urlopen(f'http://127.0.0.1:{port}/api/search?q=neglect+escalation&limit=10', timeout=60)
        out.write(search.read().decode() + '\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])

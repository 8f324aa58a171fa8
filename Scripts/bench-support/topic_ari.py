#!/usr/bin/env python3
"""Scores `affinity topics --format tsv` of a generated corpus against the generator's topics.

  topic_ari.py CORPUS.jsonl TOPICS.tsv

Prints the adjusted Rand index (Hubert and Arabie, 1985) of the finest groups against the
source papers (the fine topics) and of the top-level groups against the sources' labels (the
coarse topics), and the number of groups at each depth.
"""
import collections
import json
import math
import sys


def ari(a, b):
    def pairs(n):
        return n * (n - 1) / 2

    table = collections.Counter(zip(a, b))
    rows, columns = collections.Counter(a), collections.Counter(b)
    index = sum(pairs(n) for n in table.values())
    row_sum = sum(pairs(n) for n in rows.values())
    column_sum = sum(pairs(n) for n in columns.values())
    expected = row_sum * column_sum / pairs(len(a))
    top = (row_sum + column_sum) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def main():
    truth = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        record = json.loads(line)
        truth[record["id"]] = (record["source"], record.get("topic", ""))
    finest, top = {}, {}
    for line in list(open(sys.argv[2], encoding="utf-8"))[1:]:
        path, _, paper_id = line.split("\t")[:3]
        finest[paper_id] = path
        top[paper_id] = path.split(".")[0]
    ids = sorted(finest)
    if set(ids) != set(truth):
        sys.exit(f"the groups hold {len(ids)} papers, the corpus {len(truth)}")
    depth = max(path.count(".") for path in finest.values()) + 1
    print(f"papers {len(ids)}  top-level groups {len(set(top.values()))}  "
          f"finest groups {len(set(finest.values()))}  depth {depth}")
    print(f"finest ARI vs sources {ari([finest[i] for i in ids], [truth[i][0] for i in ids]):.3f}")
    print(f"top-level ARI vs source labels {ari([top[i] for i in ids], [truth[i][1] for i in ids]):.3f}")


if __name__ == "__main__":
    main()

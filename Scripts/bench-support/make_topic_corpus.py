#!/usr/bin/env python3
"""Writes a deterministic corpus with known topics, made from real papers, as JSON Lines.

  make_topic_corpus.py PAPERS.json N OUT.jsonl [--labels TOPICS.tsv] [--days D] [--seed S]

PAPERS.json is `affinity list --format json` of some real papers (e.g. the shared digests). Each
generated paper takes one of them as its source: its title is the source's title words, a few
dropped and shuffled; its summary is about 80% words drawn from the source's summary and 20%
from other papers' summaries, so papers of one source form a topic with noise around it. Each
line carries `source` (the source paper's id: the fine topic) and, with --labels, `topic` (the
source's label in TOPICS.tsv: the coarse topic); the reader ignores both. Papers are spread over
D days (default 30) from 2025-01-01.
"""
import datetime
import json
import random
import sys


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    papers = json.load(open(sys.argv[1], encoding="utf-8"))
    count = int(sys.argv[2])
    out = sys.argv[3]
    rng = random.Random(int(option("--seed", "11")))
    days = int(option("--days", "30"))
    labels = {}
    if "--labels" in sys.argv:
        for line in open(option("--labels", ""), encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                paper_id, topic = line.rstrip("\n").split("\t")
                labels[paper_id] = topic
    words = []
    for paper in papers:
        text = " ".join(section["text"] for section in paper.get("sections", []))
        words.append(text.split() or paper["title"].split())
    start = datetime.date(2025, 1, 1)
    with open(out, "w", encoding="utf-8") as f:
        for index in range(count):
            source = rng.randrange(len(papers))
            title = papers[source]["title"].split()
            kept = [w for w in title if rng.random() > 0.2] or title
            rng.shuffle(kept)
            length = rng.randint(60, 140)
            summary = []
            for _ in range(length):
                pool = words[source] if rng.random() < 0.8 else words[rng.randrange(len(papers))]
                summary.append(rng.choice(pool))
            record = {
                "id": f"25{1 + index // 99999 % 12:02d}.{index % 99999 + 1:05d}",
                "title": " ".join(kept),
                "date": (start + datetime.timedelta(days=index % days)).isoformat(),
                "text": " ".join(summary),
                "source": papers[source]["id"],
            }
            if labels:
                record["topic"] = labels.get(papers[source]["id"], "unlabelled")
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

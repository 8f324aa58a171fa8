#!/usr/bin/env python3
"""Writes a deterministic synthetic digest-like corpus as JSON Lines: Korean sentences with
English technical terms, grouped into topics. Usage: make_corpus.py N OUT.jsonl [--seed S]"""
import json
import random
import sys

SYLLABLES = [chr(c) for c in range(0xAC00, 0xD7A4, 37)]
PARTICLES = ["", "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "과", "와"]
LATIN = "abcdefghijklmnopqrstuvwxyz"


def word(rng, syllables):
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def term(rng):
    return "".join(rng.choice(LATIN) for _ in range(rng.randint(3, 9)))


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)
    common = [word(rng, rng.randint(2, 3)) for _ in range(400)]
    topics = []
    for _ in range(max(2, n // 200)):
        topics.append({
            "english": [term(rng) for _ in range(25)],
            "korean": [word(rng, rng.randint(2, 4)) for _ in range(25)],
        })
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            topic = topics[rng.randrange(len(topics))]
            title = " ".join(rng.choice(topic["english"]).capitalize() for _ in range(rng.randint(5, 9)))
            tokens = []
            for _ in range(rng.randint(120, 200)):
                r = rng.random()
                if r < 0.25:
                    tokens.append(rng.choice(topic["korean"]) + rng.choice(PARTICLES))
                elif r < 0.40:
                    tokens.append(rng.choice(topic["english"]))
                else:
                    tokens.append(rng.choice(common) + rng.choice(PARTICLES))
            text = " ".join(tokens) + "."
            f.write(json.dumps({
                "id": f"24{1 + (i // 99999) % 12:02d}.{i % 99999 + 1:05d}",
                "title": title, "date": "2024-06-18", "text": text,
            }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

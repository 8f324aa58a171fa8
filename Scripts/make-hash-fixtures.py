#!/usr/bin/env python3
"""Writes Tests/NGramVectorizerTests/Fixtures/sklearn-hashing.json with scikit-learn.

Run once (after `pip install scikit-learn`) when the fixture strings change; the tests compare
Affinity's MurmurHash3 and character n-gram hashing against the committed file, so they need
no Python.
"""
import json
import pathlib

from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

STRINGS = [
    "", "a", "ab", "abc", "abcd", "hello", "preference optimization", "gpt-4o",
    "모델", "모델을", "모델이", " 모델", "가우시안 스플래팅", "직접 선호 최적화 dpo",
    "멀티모달 대형 언어 모델 mllm 학습", "l2 norm kv cache", "4k 해상도 이미지 생성",
    "pixart-σ diffusion transformer", "σ", "x", "의료 vqa 데이터셋 pubmedvision",
    # Punctuation stays inside white-space tokens, as in char_wb (Affinity's model v3).
    "(llms)이 dpo를, 'chatbot arena'라는 플랫폼.", "what's new: gpt-4o — 95.3%의 정확도!",
    "a\tb\nc  d\u2028e\x1cf",
]
N_FEATURES = 2**20

vectorizer = HashingVectorizer(
    analyzer="char_wb", ngram_range=(2, 4), n_features=N_FEATURES, norm=None,
    alternate_sign=True, lowercase=False,
)
matrix = vectorizer.transform(STRINGS)
fixture = {
    "n_features": N_FEATURES,
    "murmurhash3_32": [
        {"text": s, "seed": seed, "hash": murmurhash3_32(s, seed=seed, positive=False)}
        for s in STRINGS for seed in (0, 1)
    ],
    "char_wb_2_4": [],
}
for row, text in enumerate(STRINGS):
    vector = matrix.getrow(row).tocoo()
    pairs = sorted(zip(vector.col.tolist(), vector.data.tolist()))
    fixture["char_wb_2_4"].append(
        {"text": text, "indices": [i for i, _ in pairs], "values": [v for _, v in pairs]}
    )

out = pathlib.Path(__file__).resolve().parent.parent / "Tests/NGramVectorizerTests/Fixtures/sklearn-hashing.json"
out.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {out} ({len(STRINGS)} strings)")

#!/usr/bin/env python3
"""Checks that `affinity matrix` exports the scores `affinity related` ranks by, and that every
export format loads in NumPy, SciPy and pandas.

Usage: exports.py AFFINITY SOURCE_ARGS... (e.g. --corpus ../shared/corpus/daily-papers)

For the given papers: `related --all -k K` (tsv) against the exported `.npy` matrix (each paper's
top K from the matrix must equal its related list, ties within 1e-6 may swap, scores within
1e-5); the csv matrix against the npy one (pandas); `--top-k K` mtx against the lists (SciPy);
embeddings npy and csv (NumPy, pandas). Prints one JSON line of findings; exits 1 on a mismatch.
"""
import io
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
import scipy.io

K = 10


def run(affinity, *arguments):
    result = subprocess.run([affinity, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(arguments)} failed: {result.stderr}")
    return result


def main():
    affinity, source = sys.argv[1], sys.argv[2:]
    folder = tempfile.mkdtemp(prefix="affinity-exports-")
    path = lambda name: os.path.join(folder, name)
    run(affinity, "matrix", *source, "-o", path("m.npy"))
    matrix = np.load(path("m.npy"))
    ids = open(path("m.npy.ids.txt")).read().split()
    position = {paper: row for row, paper in enumerate(ids)}
    n = len(ids)
    findings = {"papers": n, "problems": []}
    problem = findings["problems"].append
    if matrix.shape != (n, n) or matrix.dtype != np.float32:
        problem(f"npy shape {matrix.shape} {matrix.dtype}")
    if not np.array_equal(matrix, matrix.T) or not np.all(np.diag(matrix) == 1):
        problem("npy is not symmetric with ones on the diagonal")

    related = pd.read_csv(
        io.StringIO(run(affinity, "related", "--all", *source, "-k", str(K), "--format", "tsv").stdout),
        sep="\t", dtype={"query": str, "id": str}, quoting=3, keep_default_na=False)
    lists = {query: group for query, group in related.groupby("query", sort=False)}
    worst_score = 0.0
    swapped_ties = 0
    for row, paper in enumerate(ids):
        scores = matrix[row].astype(np.float64)
        scores[row] = -np.inf
        order = sorted((i for i in range(n) if scores[i] > 0), key=lambda i: (-scores[i], i))[:K]
        listed = lists.get(paper)
        listed_ids = list(listed["id"]) if listed is not None else []
        listed_scores = list(listed["score"]) if listed is not None else []
        expected = [ids[i] for i in order]
        for got, score in zip(listed_ids, listed_scores):
            worst_score = max(worst_score, abs(score - scores[position[got]]))
        if listed_ids != expected:
            # Ties within 1e-6 may swap: same multiset of scores, and the differing ids tie.
            same = len(listed_ids) == len(expected) and all(
                abs(scores[position[a]] - scores[position[b]]) <= 1e-6
                for a, b in zip(listed_ids, expected))
            if same:
                swapped_ties += 1
            else:
                problem(f"{paper}: related {listed_ids[:4]}… matrix {expected[:4]}…")
    findings["largestScoreDifference"] = worst_score
    findings["listsWithSwappedTies"] = swapped_ties
    if worst_score > 1e-5:
        problem(f"scores differ by {worst_score}")

    csv = pd.read_csv(
        io.StringIO(run(affinity, "matrix", *source).stdout), index_col=0, dtype={"id": str})
    if list(csv.index.astype(str)) != ids or list(csv.columns) != ids:
        problem("csv ids differ from the npy ids")
    elif np.max(np.abs(csv.to_numpy() - matrix)) > 5e-6:
        problem("csv values differ from npy")

    run(affinity, "matrix", *source, "-o", path("m.mtx"), "--top-k", str(K))
    sparse = scipy.io.mmread(path("m.mtx")).tocsr()
    for row, paper in enumerate(ids):
        kept = sparse[row]
        got = {ids[c]: v for c, v in zip(kept.indices, kept.data)}
        listed = lists.get(paper)
        want = dict(zip(listed["id"], listed["score"])) if listed is not None else {}
        if set(got) != set(want) or any(abs(got[i] - want[i]) > 1e-5 for i in got):
            problem(f"mtx row {paper} differs from related")
            break

    run(affinity, "embeddings", *source, "-o", path("e.npy"))
    embedding = np.load(path("e.npy"))
    embedding_csv = pd.read_csv(
        io.StringIO(run(affinity, "embeddings", *source).stdout), index_col=0, dtype={"id": str})
    if embedding.shape != (n, 4096) or not np.allclose(np.linalg.norm(embedding, axis=1), 1, atol=1e-5):
        problem(f"embeddings npy shape {embedding.shape} or norms")
    if np.max(np.abs(embedding_csv.to_numpy() - embedding)) > 5e-6:
        problem("embeddings csv differs from npy")
    findings["embeddingLargestDifferenceFromExact"] = float(np.max(np.abs(embedding @ embedding.T - matrix)))
    print(json.dumps(findings))
    sys.exit(1 if findings["problems"] else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The Python half of Scripts/bench: the peers, each printing one JSON object of timings.

  peers.py vectorize CORPUS.jsonl          scikit-learn HashingVectorizer(char_wb, 2-4) throughput
  peers.py embeddings ROWS COLS OUT.f32    deterministic clustered unit embeddings (float32)
  peers.py faiss-topk EMB.f32 ROWS COLS K IDS_OUT   FAISS IndexFlatIP all-pairs top-k
  peers.py agreement IDS_A IDS_B           share of top-k ids two runs agree on
  peers.py related-all CORPUS.jsonl K      scikit-learn hashing + TF-IDF + NearestNeighbors (brute, cosine)
  peers.py similarity-npy EMB.npy OUT.npy  NumPy: E @ E.T, then np.save
  peers.py kmeans EMB.f32 ROWS COLS K      scikit-learn KMeans and faiss.Kmeans (one k-means++ start)
  peers.py agglomerative EMB.f32 ROWS COLS K   scikit-learn AgglomerativeClustering(average, cosine)
  peers.py topic-kmeans CORPUS.jsonl OUT.tsv   scikit-learn hashing + TF-IDF + KMeans told k = the
                                           corpus's number of sources; groups as `topics --format tsv`
"""
import json
import sys
import time

import numpy as np


def texts_of(path):
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return [r["title"] + "\n" + r.get("text", r.get("abstract", "")) for r in records]


def vectorize(path):
    from sklearn.feature_extraction.text import HashingVectorizer
    texts = texts_of(path)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    start = time.perf_counter()
    HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**20).transform(texts)
    seconds = time.perf_counter() - start
    print(json.dumps({"megabytes": megabytes, "seconds": seconds, "megabytesPerSecond": megabytes / seconds}))


def embeddings(rows, columns, out):
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((max(2, rows // 500), columns)).astype(np.float32)
    data = centres[rng.integers(0, len(centres), rows)] + 0.8 * rng.standard_normal((rows, columns)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    data.astype("<f4").tofile(out)


def faiss_topk(path, rows, columns, k, out):
    import faiss
    data = np.fromfile(path, dtype="<f4").reshape(rows, columns)
    start = time.perf_counter()
    index = faiss.IndexFlatIP(columns)
    index.add(data)
    _, ids = index.search(data, k + 1)
    seconds = time.perf_counter() - start
    with open(out, "w") as f:
        for row, found in enumerate(ids):
            f.write(" ".join(str(i) for i in found if i != row)[: 10**6] + "\n")
    print(json.dumps({"seconds": seconds, "gflops": 2 * rows * rows * columns / seconds / 1e9, "threads": faiss.omp_get_max_threads()}))


def agreement(a, b):
    same = total = 0
    with open(a) as fa, open(b) as fb:
        for line_a, line_b in zip(fa, fb):
            ids_a = line_a.split()
            ids_b = set(line_b.split()[: len(ids_a)])
            same += sum(i in ids_b for i in ids_a)
            total += len(ids_a)
    print(json.dumps({"agreement": same / max(1, total)}))


def related_all(path, k):
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.neighbors import NearestNeighbors
    start = time.perf_counter()
    texts = texts_of(path)
    matrix = TfidfTransformer().fit_transform(
        HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**20).transform(texts))
    NearestNeighbors(n_neighbors=k + 1, algorithm="brute", metric="cosine").fit(matrix).kneighbors(matrix)
    print(json.dumps({"seconds": time.perf_counter() - start}))


def similarity_npy(path, out):
    start = time.perf_counter()
    e = np.load(path)
    np.save(out, e @ e.T)
    print(json.dumps({"seconds": time.perf_counter() - start}))


def kmeans(path, rows, columns, k):
    import faiss
    from sklearn.cluster import KMeans
    data = np.fromfile(path, dtype="<f4").reshape(rows, columns)
    start = time.perf_counter()
    labels = KMeans(n_clusters=k, n_init=1, random_state=0).fit(data).labels_
    sklearn_seconds = time.perf_counter() - start
    start = time.perf_counter()
    model = faiss.Kmeans(columns, k, niter=25, seed=1, spherical=True, max_points_per_centroid=rows)
    model.train(data)
    faiss_seconds = time.perf_counter() - start
    faiss_labels = model.index.search(data, 1)[1].ravel()
    print(json.dumps({"sklearn": sklearn_seconds, "faiss": faiss_seconds,
                      "sklearnMeanCosine": round(mean_cosine_to_centre(data, labels), 4),
                      "faissMeanCosine": round(mean_cosine_to_centre(data, faiss_labels), 4)}))


def mean_cosine_to_centre(data, labels):
    """The mean cosine of each row to its cluster's normalised mean (what spherical k-means maximises)."""
    total = 0.0
    for cluster in np.unique(labels):
        total += np.linalg.norm(data[labels == cluster].astype(np.float64).sum(axis=0))
    return total / len(data)


def agglomerative(path, rows, columns, k):
    from sklearn.cluster import AgglomerativeClustering
    data = np.fromfile(path, dtype="<f4").reshape(rows, columns)
    start = time.perf_counter()
    AgglomerativeClustering(n_clusters=k, linkage="average", metric="cosine").fit(data)
    print(json.dumps({"seconds": time.perf_counter() - start}))


def topic_kmeans(path, out):
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    k = len({r["source"] for r in records})
    start = time.perf_counter()
    texts = [r["title"] + "\n" + r["text"] for r in records]
    matrix = TfidfTransformer().fit_transform(
        HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**20).transform(texts))
    labels = KMeans(n_clusters=k, n_init=1, random_state=0).fit_predict(matrix)
    seconds = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        f.write("topic\tlabel\tid\tscore\ttitle\n")
        for record, label in zip(records, labels):
            f.write(f"{label + 1}\t\t{record['id']}\t0\t\n")
    print(json.dumps({"seconds": seconds, "k": k}))


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "vectorize":
        vectorize(args[0])
    elif mode == "embeddings":
        embeddings(int(args[0]), int(args[1]), args[2])
    elif mode == "faiss-topk":
        faiss_topk(args[0], int(args[1]), int(args[2]), int(args[3]), args[4])
    elif mode == "agreement":
        agreement(args[0], args[1])
    elif mode == "related-all":
        related_all(args[0], int(args[1]))
    elif mode == "kmeans":
        kmeans(args[0], int(args[1]), int(args[2]), int(args[3]))
    elif mode == "agglomerative":
        agglomerative(args[0], int(args[1]), int(args[2]), int(args[3]))
    elif mode == "topic-kmeans":
        topic_kmeans(args[0], args[1])
    elif mode == "similarity-npy":
        similarity_npy(args[0], args[1])
    else:
        sys.exit(__doc__)

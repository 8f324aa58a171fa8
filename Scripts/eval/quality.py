#!/usr/bin/env python3
"""Quality of related papers, free-text search and topic groups, for Affinity and scikit-learn.

Four checks, on papers read by Affinity itself (`affinity list --format json`):
- related: every paper's top-k neighbours, judged by our topic labels (Scripts/eval/topics.tsv):
  precision@1, precision@5 and MRR of the first same-topic neighbour.
- related pairs: the same neighbours, judged by the papers we found a reader should read next
  (Scripts/eval/related.tsv): hit@1, recall@5 and MRR of the first of them (0 beyond the top 10).
- title -> summary: each paper's English title is the query; the documents are the summaries
  alone (mostly Korean); the true paper's rank gives MRR, hit@1 and hit@5.
- reading profiles: `affinity related A [B] [--not X]`, judged by the topic labels: precision@5
  of A's topic for one liked paper, for every pair of liked papers of a topic, and for one liked
  paper steering away from its nearest paper of another topic (scikit-learn: the same rule, mean
  cosines less a quarter of the avoided paper's, on its TF-IDF vectors).
- topics: `affinity topics` (k chosen automatically, and told the true k) against the topic
  labels, beside scikit-learn KMeans on its TF-IDF vectors told the true k: ARI, NMI, purity.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer


def run(affinity, *args, stdin=None):
    result = subprocess.run([affinity, *args], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"affinity {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def summary(paper):
    return "\n".join(section["text"] for section in paper.get("sections", []))


def sklearn_vectors(fit_docs, other_docs=None):
    hashing = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**20, norm=None)
    tfidf = TfidfTransformer()
    fitted = tfidf.fit_transform(hashing.transform(fit_docs))
    if other_docs is None:
        return fitted
    return fitted, tfidf.transform(hashing.transform(other_docs))


def related_scores(neighbours, topics, ids):
    p1, p5, rr = [], [], []
    for query in ids:
        ranked = neighbours.get(query, [])
        same = [topics.get(other) == topics[query] for other in ranked]
        if sum(topics[q] == topics[query] for q in ids) < 2:
            continue
        p1.append(float(same[0]) if same else 0.0)
        p5.append(sum(same[:5]) / 5)
        rr.append(next((1 / (i + 1) for i, hit in enumerate(same) if hit), 0.0))
    return np.mean(p1), np.mean(p5), np.mean(rr)


def pair_scores(neighbours, related):
    hit1, recall5, rr = [], [], []
    for query, wanted in related.items():
        ranked = neighbours.get(query, [])
        hit1.append(float(bool(ranked) and ranked[0] in wanted))
        recall5.append(len(set(ranked[:5]) & set(wanted)) / len(wanted))
        rr.append(next((1 / (i + 1) for i, other in enumerate(ranked) if other in wanted), 0.0))
    return np.mean(hit1), np.mean(recall5), np.mean(rr)


def retrieval_scores(ranks):
    ranks = np.array(ranks, dtype=float)
    return np.mean(1 / ranks), np.mean(ranks == 1), np.mean(ranks <= 5)


def topic_scores(truth, found):
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
    from sklearn.metrics.cluster import contingency_matrix
    table = contingency_matrix(truth, found)
    return (adjusted_rand_score(truth, found), normalized_mutual_info_score(truth, found),
            table.max(axis=0).sum() / table.sum())


def profile_scores(rank, topics, ids):
    """Precision@5 of the liked paper's topic for the three kinds of profile; `rank(liked, avoided)`
    returns the ids ranked for a profile, its own papers left out."""
    def precision(ranked, topic):
        return sum(topics[i] == topic for i in ranked[:5]) / 5
    one, pairs, avoiding = [], [], []
    for a in ids:
        topic = topics[a]
        if sum(topics[i] == topic for i in ids) < 2:
            continue
        ranked = rank([a], [])
        one.append(precision(ranked, topic))
        avoided = next(i for i in ranked if topics[i] != topic)
        avoiding.append(precision(rank([a], [avoided]), topic))
        pairs += [precision(rank([a, b], []), topic) for b in ids if b > a and topics[b] == topic]
    return np.mean(one), np.mean(pairs), np.mean(avoiding), len(pairs)


def our_topics(affinity, corpus, ids, *args):
    groups = {}
    for line in run(affinity, "topics", "--corpus", corpus, "--format", "tsv", *args).splitlines()[1:]:
        topic, _, paper_id, *_ = line.split("\t")
        groups[paper_id] = topic
    return [groups[i] for i in ids]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--affinity", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--topics", required=True)
    parser.add_argument("--related", required=True)
    parser.add_argument("--model", help="a vectorizer model file to evaluate instead of the built-in one")
    args = parser.parse_args()
    model = ["--model", args.model] if args.model else []

    papers = json.loads(run(args.affinity, "list", "--corpus", args.corpus, "--format", "json"))
    ids = [p["id"] for p in papers]
    topics = {}
    for line in open(args.topics, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            paper_id, topic = line.rstrip("\n").split("\t")
            topics[paper_id] = topic
    missing = set(ids) - set(topics)
    if missing:
        sys.exit(f"no topic label for {sorted(missing)}")
    related = {}
    for line in open(args.related, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            paper_id, others = line.rstrip("\n").split("\t")
            related[paper_id] = others.split()
    unknown = {i for i in related if i not in ids} | {o for v in related.values() for o in v if o not in ids}
    if unknown:
        sys.exit(f"related labels name unknown papers {sorted(unknown)}")

    # Related papers.
    ours = {}
    for line in run(args.affinity, "related", "--all", "--corpus", args.corpus, "-k", "10", "--format", "tsv", *model).splitlines()[1:]:
        query, _, other, *_ = line.split("\t")
        ours.setdefault(query, []).append(other)
    docs = [p["title"] + "\n" + summary(p) for p in papers]
    matrix = sklearn_vectors(docs)
    similarity = (matrix @ matrix.T).toarray()
    np.fill_diagonal(similarity, -np.inf)
    theirs = {ids[i]: [ids[j] for j in np.argsort(-similarity[i], kind="stable")[:10]] for i in range(len(ids))}

    # Title -> summary retrieval.
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "summaries.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for p in papers:
                out.write(json.dumps({"id": p["id"], "title": "paper", "text": summary(p)}, ensure_ascii=False) + "\n")
        our_ranks = []
        for p in papers:
            listed = run(args.affinity, "search", "--file", "-", "--corpus", path, "-k", str(len(papers)), "--format", "tsv", *model, stdin=p["title"])
            found = [line.split("\t")[2] for line in listed.splitlines()[1:]]
            our_ranks.append(found.index(p["id"]) + 1 if p["id"] in found else len(papers))
    fitted, queries = sklearn_vectors([summary(p) for p in papers], [p["title"] for p in papers])
    scores = (queries @ fitted.T).toarray()
    their_ranks = [int(np.sum(scores[i] > scores[i, i])) + 1 for i in range(len(papers))]

    # Reading profiles.
    def our_rank(liked, avoided):
        listed = run(args.affinity, "related", *liked, *[x for i in avoided for x in ("--not", i)],
                     "--corpus", args.corpus, "-k", str(len(ids)), "--format", "tsv", *model)
        return [line.split("\t")[2] for line in listed.splitlines()[1:]]
    cosine = (matrix @ matrix.T).toarray()
    position = {paper_id: i for i, paper_id in enumerate(ids)}
    def their_rank(liked, avoided):
        scores = np.mean([cosine[position[i]] for i in liked], axis=0)
        if avoided:
            scores = scores - 0.25 * np.mean([cosine[position[i]] for i in avoided], axis=0)
        order = np.argsort(-scores, kind="stable")
        return [ids[j] for j in order if ids[j] not in liked + avoided]
    our_profiles = profile_scores(our_rank, topics, ids)
    their_profiles = profile_scores(their_rank, topics, ids)

    # Topic groups.
    from sklearn.cluster import KMeans
    truth = [topics[i] for i in ids]
    true_k = len(set(truth))
    auto = our_topics(args.affinity, args.corpus, ids, *model)
    told = our_topics(args.affinity, args.corpus, ids, "--k", str(true_k), *model)
    kmeans = KMeans(n_clusters=true_k, n_init=10, random_state=0).fit_predict(matrix)

    rows = [
        ("related: precision@1", related_scores(ours, topics, ids)[0], related_scores(theirs, topics, ids)[0]),
        ("related: precision@5", related_scores(ours, topics, ids)[1], related_scores(theirs, topics, ids)[1]),
        ("related: MRR (first same-topic paper)", related_scores(ours, topics, ids)[2], related_scores(theirs, topics, ids)[2]),
        ("related pairs: hit@1", pair_scores(ours, related)[0], pair_scores(theirs, related)[0]),
        ("related pairs: recall@5", pair_scores(ours, related)[1], pair_scores(theirs, related)[1]),
        ("related pairs: MRR (first paper to read next)", pair_scores(ours, related)[2], pair_scores(theirs, related)[2]),
        ("title → summary: MRR", retrieval_scores(our_ranks)[0], retrieval_scores(their_ranks)[0]),
        ("title → summary: hit@1", retrieval_scores(our_ranks)[1], retrieval_scores(their_ranks)[1]),
        ("title → summary: hit@5", retrieval_scores(our_ranks)[2], retrieval_scores(their_ranks)[2]),
        ("profile: one liked paper, precision@5", our_profiles[0], their_profiles[0]),
        (f"profile: two liked papers of a topic ({our_profiles[3]} pairs), precision@5", our_profiles[1], their_profiles[1]),
        ("profile: one liked, --not its nearest other-topic paper, precision@5", our_profiles[2], their_profiles[2]),
    ]
    print(f"{len(papers)} papers, {true_k} topics (Scripts/eval/topics.tsv), "
          f"{len(related)} papers with papers to read next (Scripts/eval/related.tsv)\n")
    print("| measure | Affinity | scikit-learn char_wb TF-IDF |")
    print("|---|---|---|")
    for name, a, b in rows:
        print(f"| {name} | {a:.3f} | {b:.3f} |")
    print(f"\n| topic groups | ARI | NMI | purity | groups |")
    print("|---|---|---|---|---|")
    for name, found in [(f"Affinity, k auto", auto), (f"Affinity, k = {true_k}", told),
                        (f"scikit-learn KMeans, k = {true_k}", list(kmeans))]:
        ari, nmi, purity = topic_scores(truth, found)
        print(f"| {name} | {ari:.3f} | {nmi:.3f} | {purity:.3f} | {len(set(found))} |")


if __name__ == "__main__":
    main()

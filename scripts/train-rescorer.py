#!/usr/bin/env python3
"""Learns the weights of depeche's Rescorer from FeatureDump files, by coordinate ascent on MRR@10.

usage: train-rescorer.py SET:DUMP.tsv:QRELS ... [--features=a,b,c] [--scale=idf_mass]

--features trains on some of the features only; --scale=idf_mass multiplies each feature by
the query's IDF mass (an experiment, see the README: the default weights are unscaled).

(scripts/train-rescorer runs it, after writing the dumps.)

Each SET is a query set (piaf, orangesum), DUMP its FeatureDump output and QRELS its judgments
(for the number of judged queries: one without candidates counts 0). The measure is article-level
MRR@10, as `depeche eval` computes it: the passages re-scored by score + sum(weight * feature),
each article counted once at its best passage. The objective is the mean of the sets' MRR@10, so
that a small set weighs as much as a large one.

Prints, for 2-fold cross-validation over the halves of the queries (the parity of the MD5 of the
query id: A even, B odd), the weights learned on one half of every set and the MRR@10 of the
default and of the model on the other half of each set; then the weights learned on all queries,
which are the ones to copy into Rescorer.WEIGHTS.
"""
import hashlib
import sys

import numpy as np

GRID = [0, 0.1, 0.2, 0.5, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500]
GRID = sorted(set(GRID + [-g for g in GRID]))
MIN_GAIN = 2e-4


def half(qid):
    return int(hashlib.md5(qid.encode()).hexdigest(), 16) % 2


class QuerySet:
    """The candidates of the queries of one set, padded to one matrix."""

    def __init__(self, name, dump, qrels, features, scale=None):
        self.name = name
        rows = {}
        with open(dump, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            columns = [header.index(c) for c in features]
            scale_column = header.index(scale) if scale else None
            for line in f:
                r = line.rstrip("\n").split("\t")
                rows.setdefault(r[0], []).append(r)
        judged = set()
        with open(qrels, encoding="utf-8") as f:
            for line in f:
                p = line.split()
                if len(p) == 4 and int(p[3]) > 0:
                    judged.add(p[0])
        self.qids = sorted(judged)
        n, depth, k = len(self.qids), max(len(v) for v in rows.values()), len(features)
        self.base = np.full((n, depth), -np.inf)
        self.x = np.zeros((n, depth, k))
        self.article = np.full((n, depth), -1, dtype=np.int64)
        self.label = np.zeros((n, depth), dtype=bool)
        for i, q in enumerate(self.qids):
            ids = {}
            for j, r in enumerate(rows.get(q, [])):
                # Ties keep the first stage's order.
                self.base[i, j] = float(r[3]) - 1e-9 * j
                self.x[i, j] = [float(r[c]) for c in columns]
                if scale_column is not None:
                    self.x[i, j] *= float(r[scale_column])
                self.article[i, j] = ids.setdefault(r[1], len(ids))
                self.label[i, j] = r[2] == "1"
        self.halves = np.array([half(q) for q in self.qids])

    def rr(self, w):
        """Reciprocal rank at 10 of each query, articles counted once at their best passage."""
        s = self.base + self.x @ w
        n, depth = s.shape
        best = np.full((n, depth), -np.inf)
        rows = np.repeat(np.arange(n), depth)
        valid = self.article.ravel() >= 0
        np.maximum.at(best, (rows[valid], self.article.ravel()[valid]), s.ravel()[valid])
        relevant_best = np.where(self.label, s, -np.inf).max(axis=1)
        rank = 1 + (best > relevant_best[:, None]).sum(axis=1)
        return np.where(np.isfinite(relevant_best) & (rank <= 10), 1.0 / rank, 0.0)


def objective(sets, masks, w):
    return np.mean([s.rr(w)[m].mean() for s, m in zip(sets, masks)])


def train(sets, masks, k):
    w = np.zeros(k)
    best = objective(sets, masks, w)
    for _ in range(4):
        improved = False
        for j in range(k):
            for g in GRID:
                trial = w.copy()
                trial[j] = g
                v = objective(sets, masks, trial)
                if v > best + MIN_GAIN:
                    best, w, improved = v, trial, True
        if not improved:
            break
    return w, best


def main(argv):
    features = None
    scale = None
    specs = []
    for a in argv:
        if a.startswith("--scale="):
            scale = a.split("=", 1)[1]
        elif a.startswith("--features="):
            features = a.split("=", 1)[1].split(",")
        else:
            specs.append(a.split(":"))
    if features is None:
        with open(specs[0][1], encoding="utf-8") as f:
            # The features of Rescorer, between the first stage's score and the query's IDF mass.
            features = [c for c in f.readline().rstrip("\n").split("\t")[4:] if c != "idf_mass"]
    sets = [QuerySet(name, dump, qrels, features, scale) for name, dump, qrels in specs]
    k = len(features)
    print("features:", ", ".join(features))
    holds = True
    for train_half, test_half in ((0, 1), (1, 0)):
        w, _ = train(sets, [s.halves == train_half for s in sets], k)
        print("trained on half %s: %s" % ("AB"[train_half], " ".join("%s=%g" % (f, v) for f, v in zip(features, w))))
        for s in sets:
            m = s.halves == test_half
            before, after = s.rr(np.zeros(k))[m].mean(), s.rr(w)[m].mean()
            holds &= after > before
            print("  %s half %s (%d queries): default %.4f, re-scored %.4f (%+.4f)"
                  % (s.name, "AB"[test_half], m.sum(), before, after, after - before))
    w, _ = train(sets, [np.ones(len(s.qids), dtype=bool) for s in sets], k)
    print("trained on all: %s" % " ".join("%s=%g" % (f, v) for f, v in zip(features, w)))
    for s in sets:
        rr0, rr1 = s.rr(np.zeros(k)), s.rr(w)
        print("  %s: default %.4f (A %.4f, B %.4f), re-scored %.4f (A %.4f, B %.4f)" % (
            s.name, rr0.mean(), rr0[s.halves == 0].mean(), rr0[s.halves == 1].mean(),
            rr1.mean(), rr1[s.halves == 0].mean(), rr1[s.halves == 1].mean()))
    print("cross-validation: %s" % ("holds on every held-out half" if holds else "does NOT hold on every held-out half"))
    print("weights: {%s}" % ", ".join("%gf" % v for v in w))


if __name__ == "__main__":
    main(sys.argv[1:])

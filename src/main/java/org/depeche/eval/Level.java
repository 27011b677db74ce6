package org.depeche.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a ranked id stands for when it is compared with the judgments. */
public enum Level {
  /** Each passage id {@code <article id>#<n>} is judged as it is. */
  PASSAGE,
  /**
   * Each passage id counts for its article, each article once, at the rank of its best passage:
   * {@code [a#2, b#0, a#0, c#1]} → {@code [a, b, c]}.
   */
  ARTICLE;

  /** Returns the ranked ids as this level sees them. */
  public List<String> view(List<String> rankedPassageIds) {
    if (this == PASSAGE) {
      return List.copyOf(rankedPassageIds);
    }
    Set<String> articles = new LinkedHashSet<>();
    for (String id : rankedPassageIds) {
      int hash = id.lastIndexOf('#');
      articles.add(hash < 0 ? id : id.substring(0, hash));
    }
    return List.copyOf(new ArrayList<>(articles));
  }
}

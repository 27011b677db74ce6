package org.depeche.search;

import java.util.Collections;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.depeche.QuerySyntaxException;
import org.depeche.analysis.Analysis;
import org.depeche.analysis.NameAnalyzer;
import org.depeche.analysis.Token;
import org.depeche.index.Schema;

/**
 * Finds a speaker by name: the name's words, folded by {@link NameAnalyzer}, as a phrase of the
 * {@link Schema#SPEAKER} field. {@code "Heappey"}, {@code "james heappey"} and {@code "HEAPPEY"}
 * all find James Heappey; {@code "Heappey James"} does not.
 *
 * <p>Thread-safe.
 */
public final class SpeakerQuery {
  private static final NameAnalyzer NAMES = new NameAnalyzer();

  private SpeakerQuery() {}

  /**
   * Returns the query for passages quoting {@code name}.
   *
   * @throws QuerySyntaxException when {@code name} holds no letter or digit
   */
  public static Query of(String name) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      throw new QuerySyntaxException("the speaker name '" + name + "' has no letter", 1);
    }
    return new PhraseQuery(Schema.SPEAKER, words.toArray(String[]::new));
  }

  /** Returns whether {@code speaker} is the person {@code name} finds: its words, in order, are in it. */
  public static boolean matches(String speaker, String name) {
    return speaker != null && Collections.indexOfSubList(words(speaker), words(name)) >= 0;
  }

  private static List<String> words(String name) {
    return Analysis.tokens(NAMES, name).stream().map(Token::term).toList();
  }
}

package org.depeche.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.depeche.TextAnalyzer;

/**
 * Makes the Lucene analyzer of a {@link TextAnalyzer} choice.
 *
 * <p>Stateless and thread-safe; the analyzers made are thread-safe too.
 */
public final class Analyzers {
  private Analyzers() {}

  /**
   * Returns a new analyzer for the choice. {@link TextAnalyzer#LUCENE_FRENCH} is Lucene's {@link
   * FrenchAnalyzer} with its terms unchanged; only the gap between two values of a field is set to
   * {@link FrenchNewsAnalyzer#POSITION_GAP}, which the index needs to tell a passage from its title.
   */
  public static Analyzer create(TextAnalyzer choice) {
    return switch (choice) {
      case DEPECHE -> new FrenchNewsAnalyzer();
      case DEPECHE_LIGHT -> FrenchNewsAnalyzer.lightStemmed();
      case LUCENE_FRENCH -> new WithPositionGap(new FrenchAnalyzer());
    };
  }

  private static final class WithPositionGap extends DelegatingAnalyzerWrapper {
    private final Analyzer delegate;

    WithPositionGap(Analyzer delegate) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.delegate = delegate;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return delegate;
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return FrenchNewsAnalyzer.POSITION_GAP;
    }

    @Override
    public void close() {
      delegate.close();
      super.close();
    }
  }
}

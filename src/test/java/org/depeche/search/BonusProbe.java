package org.depeche.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.store.FSDirectory;
import org.depeche.PassageHit;
import org.depeche.QuerySyntaxException;
import org.depeche.SearchOptions;
import org.depeche.SearchResults;
import org.depeche.TextAnalyzer;
import org.depeche.index.Schema;

/**
 * Where the suggestion's gate (PassageSearch.leaveRoomForSuggestion: a shown hit scoring at least
 * {@link QueryCompiler#ALL_WORDS_BONUS} holds every word) disagrees with the truth (a shown hit
 * matches the all-words bonus's query), for the default top 10 of each query of TSV files; prints
 * one line per disagreement, per query without a bonus clause (fewer than two groups with terms),
 * and a RESULT line (docs/performance-history.md, spell17).
 *
 * <p>Usage: {@code BonusProbe INDEX QUERIES.tsv...}
 */
public final class BonusProbe {
  private BonusProbe() {}


  public static void main(String[] args) throws Exception {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])));
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(Schema.similarity());
    Analyzer analyzer = Schema.analyzer(TextAnalyzer.DEPECHE);
    SearchOptions options = SearchOptions.defaults().withSuggestion(false);
    int queries = 0;
    int gated = 0;
    int withoutBonus = 0;
    int bonusBelow = 0;
    int noBonusAbove = 0;
    for (int f = 1; f < args.length; f++) {
      for (String line : Files.readAllLines(Path.of(args[f]), StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          continue;
        }
        String id = line.substring(0, tab);
        String query = line.substring(tab + 1).strip();
        ParsedQuery parsed;
        try {
          parsed = QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
          query = QueryParser.plainWords(query);
          parsed = QueryParser.parse(query);
        }
        queries++;
        SearchResults r = PassageSearch.search(searcher, analyzer, query, options);
        int groups = parsed.groups().size();
        if (r.totalHits() < SearchResults.FEW_RESULTS || groups < 2 || groups > QueryCompiler.MAX_WORDS_FOR_EXTRAS) {
          continue;
        }
        gated++;
        Query compiled = QueryCompiler.compile(options.synonyms().expand(parsed), analyzer, new DocFreqs(reader),
            true, options.ranking().proximityWeight()).query();
        Query bonus = null;
        for (BooleanClause clause : (BooleanQuery) compiled) {
          if (clause.query() instanceof BoostQuery b && b.getBoost() == QueryCompiler.ALL_WORDS_BONUS) {
            bonus = b.getQuery();
          }
        }
        if (bonus == null) {
          System.out.println("NO-BONUS-CLAUSE\t" + id + "\t" + query);
          withoutBonus++;
          continue;
        }
        boolean rule = r.hits().stream().anyMatch(h -> h.score() >= QueryCompiler.ALL_WORDS_BONUS);
        boolean truth = false;
        for (PassageHit h : r.hits()) {
          truth |= searcher.count(new BooleanQuery.Builder()
              .add(bonus, Occur.FILTER)
              .add(new TermQuery(new Term(Schema.PASSAGE_ID, h.passageId())), Occur.FILTER)
              .build()) > 0;
        }
        if (rule != truth) {
          if (truth) {
            bonusBelow++;
          } else {
            noBonusAbove++;
          }
          System.out.println((truth ? "BONUS-BELOW-1000\t" : "NO-BONUS-ABOVE-1000\t") + id + "\t" + query);
        }
      }
    }
    System.out.println("RESULT queries=" + queries + " gated=" + gated + " bonusBelow1000=" + bonusBelow
        + " noBonusAbove1000=" + noBonusAbove + " noBonusClause=" + withoutBonus);
  }
}

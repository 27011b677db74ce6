package org.depeche.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.PassageHit;
import org.depeche.QuerySyntaxException;
import org.depeche.SearchOptions;
import org.depeche.SearchResults;
import org.depeche.search.QueryParser;
import org.depeche.search.Synonyms;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code depeche search}: ranks passages against a query, or a file of queries.
 *
 * <p>Declared with picocli's programmatic API ({@link #model()}), not its annotations: reading
 * annotations makes the JVM generate a proxy class for each annotation type, and picocli reflect
 * over every field; in a search process that was most of picocli's CPU time
 * (docs/performance-history.md). {@link DepecheCommand} and {@link RankingOptions}, which a search
 * builds too, are declared so for the same reason; the other commands keep their annotations.
 */
final class SearchCommand implements Callable<Integer> {
  private static final ITypeConverter<Path> PATH = Path::of;

  private CommandSpec spec;
  private Path index;
  private int limit;
  private boolean json;
  private String from;
  private String to;
  private List<String> sources;
  private List<String> categories;
  private String sort;
  private Integer perArticle;
  private boolean articles;
  private boolean facets;
  private Path synonyms;
  private boolean explain;
  private Path queries;
  private boolean trec;
  private String speaker;
  private List<String> words;

  private SearchCommand() {}

  /** Returns the command's model, which runs a new {@code SearchCommand} with what it parses. */
  static CommandSpec model() {
    SearchCommand command = new SearchCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("search");
    command.spec = spec;
    spec.usageMessage()
        .header("Rank passages against a keyword query.")
        .description(
            "Query syntax: plain words; \"a phrase\" or « a phrase »; -word or -\"phrase\" to exclude; "
                + "OR between two words or phrases; title:word and source:word to look in one field; "
                + "milit* for the words that begin with milit.",
            "In queries of up to four words, common equivalents (ONU, Nations unies) are searched too; see --synonyms.",
            "Passages holding every word come first; a match in the article's title counts.",
            "With --speaker, only passages quoting that person; QUERY may then be left out.",
            "With no index yet at the default location, indexes corpus/ there first.");
    DepecheCommand.addStandardHelpOptions(spec);
    spec.addOption(option("--index", Path.class, "DIR").defaultValue("index")
        .description("The index directory (default: ${DEFAULT-VALUE}).").build());
    spec.addOption(option("-n", int.class, "N").converters(new LimitConverter()).defaultValue("10")
        .description("The number of passages to show (default: ${DEFAULT-VALUE}).").build());
    spec.addOption(flag("--json").description("Print the results as JSON.").build());
    spec.addOption(option("--from", String.class, "DATE")
        .description("Only articles dated on or after DATE: 2022-11-15, 2022-11 or 2022. Leaves out "
            + "articles without a date.").build());
    spec.addOption(option("--to", String.class, "DATE")
        .description("Only articles dated on or before DATE: 2022-11-15, 2022-11 (to its last day) or "
            + "2022. Leaves out articles without a date.").build());
    spec.addOption(option("--source", List.class, "NAME").auxiliaryTypes(String.class)
        .description("Only articles of this source (repeatable; any of them). Case and accents do not matter.")
        .build());
    spec.addOption(option("--category", List.class, "NAME").auxiliaryTypes(String.class)
        .description("Only articles of this category (repeatable; any of them). Case and accents do not matter.")
        .build());
    spec.addOption(option("--sort", String.class, "ORDER").defaultValue("relevance")
        .description("relevance, date (oldest first) or -date (newest first); articles without a date "
            + "come last (default: ${DEFAULT-VALUE}).").build());
    spec.addOption(option("--per-article", Integer.class, "N")
        .description("At most N passages per article, the articles ranked by their best passage, "
            + "-n articles; 0 for every passage (default: 1 for text, 0 for --json).").build());
    spec.addOption(flag("--articles")
        .description("List articles, each with its number of matching passages.").build());
    spec.addOption(flag("--facets")
        .description("Count the matching articles by source, category, year and month.").build());
    spec.addOption(option("--synonyms", Path.class, "FILE")
        .description("Expand queries with the equivalents of FILE (lines of comma-separated words or "
            + "phrases) instead of the built-in ones; an empty file turns them off.").build());
    spec.addOption(flag("--explain").description("Show how each passage's score was computed.").build());
    spec.addOption(option("--queries", Path.class, "FILE")
        .description("Run every query of FILE (lines of qid<TAB>query) in one process; needs --trec.")
        .build());
    spec.addOption(flag("--trec").description("With --queries: print TREC run lines "
        + "'qid Q0 passage_id rank score depeche'.").build());
    spec.addOption(option("--speaker", String.class, "NAME")
        .description("Only passages where NAME is quoted: a full name or a surname, accents and case aside.")
        .build());
    RankingOptions.addTo(spec);
    spec.addPositional(PositionalParamSpec.builder().paramLabel("QUERY").arity("0..*")
        .type(List.class).auxiliaryTypes(String.class).description("The query.").build());
    return spec;
  }

  private static OptionSpec.Builder option(String name, Class<?> type, String label) {
    OptionSpec.Builder option = OptionSpec.builder(name).type(type).paramLabel(label);
    // Picocli's own converter to Path calls Paths.get by reflection, for which the JVM generated
    // three method-handle classes in every search (-Xlog:class+load+cause).
    return type == Path.class ? option.converters(PATH) : option;
  }

  private static OptionSpec.Builder flag(String name) {
    return OptionSpec.builder(name).type(boolean.class);
  }

  /** Copies the parsed values out of the model. */
  private void readValues() {
    index = value("--index");
    limit = value("-n");
    json = isSet("--json");
    from = value("--from");
    to = value("--to");
    sources = values("--source");
    categories = values("--category");
    sort = value("--sort");
    perArticle = value("--per-article");
    articles = isSet("--articles");
    facets = isSet("--facets");
    synonyms = value("--synonyms");
    explain = isSet("--explain");
    queries = value("--queries");
    trec = isSet("--trec");
    speaker = value("--speaker");
    words = spec.positionalParameters().getFirst().getValue();
  }

  private <T> T value(String option) {
    return spec.findOption(option).getValue();
  }

  private boolean isSet(String option) {
    return Boolean.TRUE.equals(value(option));
  }

  private List<String> values(String option) {
    List<String> values = value(option);
    return values == null ? List.of() : values;
  }

  @Override
  public Integer call() {
    readValues();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (queries != null && !trec) {
      throw new ParameterException(spec.commandLine(), "--queries needs --trec");
    }
    if (queries == null && trec) {
      throw new ParameterException(spec.commandLine(), "--trec needs --queries FILE");
    }
    if (queries != null && words != null && !words.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give either QUERY or --queries FILE, not both");
    }
    if (queries != null && speaker != null) {
      throw new ParameterException(spec.commandLine(), "--speaker does not go with --queries");
    }
    if (queries == null && speaker == null && (words == null || words.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "no query given");
    }
    if (queries != null && (perArticle != null || articles || facets || explain)) {
      throw new ParameterException(spec.commandLine(),
          "--per-article, --articles, --facets and --explain show one query's results, not --queries'");
    }
    SearchOptions options = options();
    int code = indexCorpusWhenNoIndex(err);
    if (code != ExitCodes.OK && code != ExitCodes.BAD_INPUT) {
      return code;
    }
    try (DepecheIndex idx = DepecheIndex.open(index)) {
      if (queries != null) {
        return runBatch(idx, options, out, err);
      }
      SearchResults results = idx.search(words == null ? "" : String.join(" ", words), options);
      if (json) {
        out.println(Json.write(Json.results(results)));
      } else {
        new ResultsText(out, Terminal.isTerminal()).print(results, articles);
      }
      out.flush();
      String training = System.getProperty(AOT_TRAINING);
      if (training != null && results.hits().isEmpty() && !train(idx, options)) {
        unfitForTraining(Path.of(training));
      }
      return ExitCodes.OK;
    }
  }

  /**
   * The system property the launcher sets on the search that records the classes of its AOT cache
   * ({@code -Ddepeche.aot.training=FILE}): that search, when it finds nothing, also runs {@link
   * #train}, and when that finds nothing either (an index with no passages yet, as during its first
   * long run), creates FILE, which tells the launcher to make no cache from this search.
   */
  static final String AOT_TRAINING = "depeche.aot.training";

  /**
   * Queries of words that nearly every French news article holds, tried in turn by {@link #train}
   * until one finds passages: several words first, as a headline search has.
   */
  private static final List<String> TRAINING_QUERIES =
      List.of("pays France gouvernement", "pays France", "pays", "France", "gouvernement", "selon", "plus");

  /**
   * Runs, with no output, what this search would have run had it found passages: a search with
   * the default options (no filter) and this one's grouping that finds some, reading the hits and
   * making their snippets, printed as this one prints. The AOT cache is made from the classes the
   * recording search loads: from a search that found nothing, without this, it lacked those of the
   * hits, and every later search took about 17 % longer until the next build
   * (docs/performance-history.md). Never changes the command's output or exit code: a failure here
   * only makes a smaller cache.
   *
   * @return whether one of its searches found passages
   */
  private boolean train(DepecheIndex idx, SearchOptions options) {
    try {
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      SearchOptions defaults = SearchOptions.defaults().withPerArticle(options.perArticle());
      for (String query : TRAINING_QUERIES) {
        SearchResults results = idx.search(query, defaults);
        if (!results.hits().isEmpty()) {
          if (json) {
            nowhere.println(Json.write(Json.results(results)));
          } else {
            new ResultsText(nowhere, Terminal.isTerminal()).print(results, articles);
          }
          return true;
        }
      }
    } catch (RuntimeException e) {
      // Only the cache is the poorer for it.
    }
    return false;
  }

  /**
   * Tells the launcher that this search loaded none of the classes of reading and printing hits:
   * a cache made from it made every later search take about 45 % more CPU, until the next build
   * (docs/performance-history.md, qa16). Never changes the command's output or exit code.
   */
  private static void unfitForTraining(Path marker) {
    try {
      Files.writeString(marker, "no passage found\n");
    } catch (IOException | RuntimeException e) {
      // The launcher then makes the smaller cache.
    }
  }

  /** The search options of the command line, each checked with a one-line error. */
  private SearchOptions options() {
    int grouping = perArticle != null ? perArticle : (json || queries != null) && !articles ? 0 : 1;
    if (grouping < 0 || grouping > SearchOptions.MAX_PER_ARTICLE) {
      throw new ParameterException(spec.commandLine(),
          "--per-article must be between 0 and " + SearchOptions.MAX_PER_ARTICLE + ", not " + grouping);
    }
    if (articles && grouping == 0) {
      throw new ParameterException(spec.commandLine(), "--articles needs --per-article 1 or more");
    }
    SearchOptions.Sort order = switch (sort) {
      case "relevance" -> SearchOptions.Sort.RELEVANCE;
      case "date" -> SearchOptions.Sort.OLDEST_FIRST;
      case "-date" -> SearchOptions.Sort.NEWEST_FIRST;
      default -> throw new ParameterException(spec.commandLine(),
          "--sort must be relevance, date or -date, not '" + sort + "'");
    };
    SearchOptions options = SearchOptions.defaults()
        .withLimit(limit)
        .withSnippets(queries == null)
        .withSuggestion(queries == null)
        .withSpeaker(speaker)
        .withSources(Set.copyOf(sources))
        .withCategories(Set.copyOf(categories))
        .withSort(order)
        .withPerArticle(grouping)
        .withFacets(facets)
        .withExplain(explain)
        .withRanking(RankingOptions.ranking(spec));
    try {
      options = options.withDates(from == null ? null : DateArgument.first("--from", from),
          to == null ? null : DateArgument.last("--to", to));
      if (synonyms != null) {
        options = options.withSynonyms(Synonyms.load(synonyms));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read " + synonyms + ": " + e.getMessage());
    }
    return options;
  }

  /** At the default location only, builds the index from corpus/ the first time. */
  private int indexCorpusWhenNoIndex(PrintWriter err) {
    boolean defaultIndex = !spec.commandLine().getParseResult().hasMatchedOption("--index");
    if (!defaultIndex || DepecheIndex.exists(index) || !Files.isDirectory(IndexCommand.DEFAULT_CORPUS)) {
      return ExitCodes.OK;
    }
    err.println("depeche: no index yet; indexing " + IndexCommand.DEFAULT_CORPUS + "/ into " + index + "/ first");
    return IndexCommand.run(index, null, List.of(IndexCommand.DEFAULT_CORPUS), false, false, err);
  }

  private int runBatch(DepecheIndex idx, SearchOptions options, PrintWriter out, PrintWriter err) {
    int code = ExitCodes.OK;
    try (BufferedReader in = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0 || line.substring(tab + 1).isBlank()) {
          err.println("depeche: " + queries + ":" + lineNumber + ": error: expected qid<TAB>query; line skipped");
          code = ExitCodes.BAD_INPUT;
          continue;
        }
        String qid = line.substring(0, tab).strip();
        String query = line.substring(tab + 1).strip();
        SearchResults results;
        try {
          results = idx.search(query, options);
        } catch (QuerySyntaxException e) {
          try {
            results = idx.search(QueryParser.plainWords(query), options);
          } catch (QuerySyntaxException stillMalformed) {
            // Still malformed without its syntax ("\"", "-", "title: Mali"): report it, answer the rest.
            err.println("depeche: " + queries + ":" + lineNumber + ": error: " + e.getMessage() + "; line skipped");
            code = ExitCodes.BAD_INPUT;
            continue;
          }
          err.println("depeche: " + queries + ":" + lineNumber + ": warning: " + e.getMessage()
              + "; searched as plain words");
        }
        for (PassageHit h : results.hits()) {
          out.printf(Locale.ROOT, "%s Q0 %s %d %.6f depeche%n", qid, h.passageId(), h.rank(), h.score());
        }
      }
    } catch (IOException e) {
      err.println("depeche: cannot read " + queries + ": " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    out.flush();
    return code;
  }
}

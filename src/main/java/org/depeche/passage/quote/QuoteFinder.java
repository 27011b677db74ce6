package org.depeche.passage.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.depeche.Article;
import org.depeche.passage.Passage;

/**
 * Finds the quotations of an article and who said them, from the way French news reports speech.
 *
 * <pre>{@code
 * « Nous partons », a indiqué le secrétaire d'État James Heappey.   → James Heappey, secrétaire d'État
 * « C'est à Bamako d'agir », a-t-il ajouté.                         → James Heappey (the last speaker)
 * « Il faut partir », a insisté Heappey.  /  a affirmé M. Heappey.   → James Heappey (the full name met before)
 * Jérôme Durain estime que « le débat … ».                           → Jérôme Durain
 * « … », tweete un internaute.                                       → no speaker
 * }</pre>
 *
 * <p>A quotation is text between quotation marks (see {@link QuoteSpans}) of at least {@value
 * #MIN_WORDS} words that is not a title (« le documentaire « Moi, candidat » »). Its speaker is read,
 * in this order, from a verb of saying right after it ({@code », a déclaré X}, {@code »,
 * affirme-t-elle}, {@code », selon X}), from the clause before it ({@code X a déclaré : «}, {@code
 * X estime que «}, {@code Selon X, «}), or from the quotation just before it in the same or the
 * previous paragraph when nothing else is said. A pronoun ({@code a-t-il}) is the last speaker, or
 * else the last person named at the start of a sentence, of its gender when the first name tells.
 * A role alone (« a répondu la ministre ») is the last person written with that role. An
 * indefinite speaker (« un internaute ») and anything else leave the quotation unattributed: no
 * name is guessed.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuoteFinder {
  /** The fewest words a quotation has; shorter quoted text is a term, not a statement. */
  public static final int MIN_WORDS = 3;

  /** A quotation found in an article: offsets in its text, its words, speaker and role (or null). */
  record Found(int start, int end, String text, String speaker, String role) {}

  private static final Pattern PRONOUN_AFTER =
      Pattern.compile("^\\s*-\\s*t?\\s*-?\\s*(il|elle|ils|elles|on)\\b", Pattern.CASE_INSENSITIVE);

  private static final Set<String> AUXILIARIES =
      Set.of("a", "avait", "aurait", "ont", "avaient", "auraient", "est", "était", "s'est", "s’est");

  private static final Set<String> FILLERS = Set.of(
      "lui", "leur", "se", "s'", "s’", "encore", "alors", "d'abord", "d’abord", "ensuite", "également",
      "aussi", "ainsi", "enfin", "notamment", "même", "aussitôt", "simplement", "pourtant", "toutefois",
      "cependant", "néanmoins", "immédiatement", "plus", "tard", "déjà", "vivement", "sobrement", "ironiquement");

  private static final Set<String> INDEFINITE = Set.of("un", "une", "des", "certains", "certaines", "plusieurs",
      "quelques", "nombre", "beaucoup", "d'autres", "d’autres", "ses", "son", "sa", "leurs");

  private static final Set<String> DEFINITE = Set.of("le", "la", "l", "celui", "celle");

  /** Words after which quoted text is a title, not a statement: « l'émission « … » ». */
  private static final Set<String> TITLE_NOUNS = Set.of(
      "intitulé", "intitulée", "intitulés", "intitulées", "baptisé", "baptisée", "nommé", "nommée", "surnommé",
      "surnommée", "appelé", "appelée", "émission", "documentaire", "livre", "ouvrage", "film", "série", "magazine",
      "journal", "bande-dessinée", "bd", "mouvement", "opération", "slogan", "hashtag", "programme", "chanson",
      "album", "roman", "pièce", "rubrique", "édition", "fête", "plan", "loi", "collectif", "association", "liste",
      "campagne", "titre", "titré", "tribune", "article", "pétition", "spectacle", "festival");

  /** Words that may stand between a title noun and the title: « l'édition de la « … » ». */
  private static final Set<String> TITLE_LINKS = Set.of("de", "du", "des", "la", "le", "les", ":");

  private static final Pattern SELON = Pattern.compile("(?:^|[\\s,(])(?:[Ss]elon|[Dd]['’]après)\\s+(.*)$");

  private static final Pattern DE_BEFORE = Pattern.compile("(?<!\\p{L})[Dd]e\\s+$");
  private static final Pattern SUBJECT_PRONOUN = Pattern.compile("(?:^|[\\s,])(il|elle|Il|Elle)\\s");
  private static final Pattern DEFINITE_ARTICLE = Pattern.compile("(?:^|\\s)((?:le|la)\\s|l['’])");
  private static final Pattern HONORIFIC = Pattern.compile("(?<!\\p{L})(?:M|Mme|Mlle|Dr|Me)\\.\\s*");
  private static final Pattern STRESSED_PRONOUN = Pattern.compile("^\\s*(lui|elle|eux|elles)\\b");

  private QuoteFinder() {}

  /**
   * Returns the quotations of each passage of {@code article}, in the order of {@code passages}
   * (as {@link org.depeche.passage.PassageSplitter} cut them). A quotation belongs to the passage
   * where it opens.
   */
  public static List<List<Quotation>> byPassage(Article article, List<Passage> passages) {
    List<List<Quotation>> out = new ArrayList<>(passages.size());
    for (int p = 0; p < passages.size(); p++) {
      out.add(new ArrayList<>());
    }
    String text = String.join("\n\n", article.paragraphs());
    List<Found> found = find(article.title(), text);
    if (found.isEmpty()) {
      return out;
    }
    // Passages are pieces of the paragraphs, unchanged and in order: find where each starts.
    int[] starts = new int[passages.size()];
    int cursor = 0;
    for (int p = 0; p < passages.size(); p++) {
      int at = text.indexOf(passages.get(p).text(), cursor);
      starts[p] = at < 0 ? cursor : at;
      cursor = at < 0 ? cursor : at + passages.get(p).text().length();
    }
    int p = 0;
    for (Found f : found) {
      while (p + 1 < starts.length && starts[p + 1] <= f.start()) {
        p++;
      }
      out.get(p).add(new Quotation(f.text(), f.speaker(), f.role()));
    }
    return out;
  }

  /**
   * Finds the quotations of an article whose paragraphs are {@code paragraphs}, with their speakers;
   * {@code title} (or null) helps to know who the article is about.
   */
  static List<Found> find(String title, List<String> paragraphs) {
    return find(title, String.join("\n\n", paragraphs));
  }

  /** Finds the quotations of an article's text, its paragraphs joined by {@code "\n\n"}. */
  private static List<Found> find(String title, String text) {
    List<QuoteSpans.Span> spans = new ArrayList<>();
    for (QuoteSpans.Span span : QuoteSpans.find(text)) {
      if (isStatement(text, span)) {
        spans.add(span);
      }
    }
    if (spans.isEmpty()) {
      return List.of();
    }
    Persons persons = Persons.of(title, text);
    List<Found> found = new ArrayList<>();
    for (QuoteSpans.Span span : spans) {
      Found previous = found.isEmpty() ? null : found.getLast();
      found.add(attribute(text, span, persons, found, previous));
    }
    return found;
  }

  private static boolean isStatement(String text, QuoteSpans.Span span) {
    Words words = new Words(span.text());
    int count = 0;
    while (count < MIN_WORDS && words.find()) {
      count++;
    }
    if (count < MIN_WORDS) {
      return false;
    }
    return !isTitle(text, span.start());
  }

  /** Whether the words before {@code open} name a title: a title noun, then at most two links. */
  private static boolean isTitle(String text, int open) {
    int end = open;
    for (int words = 0; words < 3; words++) {
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
        start--;
      }
      if (start == end) {
        return false;
      }
      String word = text.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\'');
      if (word.length() > 2 && word.charAt(1) == '\'' && (word.charAt(0) == 'l' || word.charAt(0) == 'd')) {
        word = word.substring(2);
      }
      if (TITLE_NOUNS.contains(word)) {
        return true;
      }
      if (!TITLE_LINKS.contains(word) && !word.equals("l'") && !word.equals("d'")) {
        return false;
      }
      end = start;
    }
    return false;
  }

  private static Found attribute(String text, QuoteSpans.Span span, Persons persons, List<Found> found,
      Found previous) {
    Persons.NameAndRole who = after(text, span, persons, found);
    if (who == null) {
      who = before(text, span, persons, found);
    }
    if (who == UNATTRIBUTED) {
      who = null;
    } else if (who == null && previous != null && previous.speaker() != null
        && continues(text, persons, previous, span)) {
      who = new Persons.NameAndRole(previous.speaker(), previous.role());
    }
    String speaker = who == null ? null : who.name();
    String role = who == null ? null : who.role() != null ? who.role() : persons.roleOf(speaker);
    return new Found(span.start(), span.end(), span.text(), speaker, role);
  }

  /** Marks a quotation whose speaker is said to be unnamed (« un internaute »). */
  private static final Persons.NameAndRole UNATTRIBUTED = new Persons.NameAndRole(null, null);

  /** Reads an incise after the quotation: {@code », a déclaré X}, {@code », affirme-t-il}, {@code », selon X}. */
  private static Persons.NameAndRole after(String text, QuoteSpans.Span span, Persons persons, List<Found> found) {
    int end = clauseEnd(text, span.end());
    String s = text.substring(span.end(), end);
    String lead = s.stripLeading();
    if (lead.startsWith(".") || lead.startsWith("!") || lead.startsWith("?")) {
      return null;
    }
    lead = withoutLeadingDash(lead);
    Matcher selon = SELON.matcher(lead);
    if (startsWithSelon(lead) && selon.find()) {
      return speakerIn(selon.group(1), span.end(), persons, found, false);
    }
    Words w = new Words(lead);
    int words = 0;
    while (w.find()) {
      String word = w.group();
      String lower = word.toLowerCase(Locale.ROOT);
      if (++words > 6) {
        return null;
      }
      if (AUXILIARIES.contains(lower) || FILLERS.contains(lower)) {
        Matcher p = PRONOUN_AFTER.matcher(lead.substring(w.end()));
        if (AUXILIARIES.contains(lower) && p.find()) {
          // a-t-il dit: the pronoun follows the auxiliary; the verb comes next.
          String rest = lead.substring(w.end() + p.end());
          if (firstVerbWithin(rest, 4)) {
            return pronoun(p.group(1), span.start(), persons, found);
          }
          return null;
        }
        continue;
      }
      if (SpeechVerbs.isSpeechVerb(word)) {
        String rest = lead.substring(w.end());
        Matcher p = PRONOUN_AFTER.matcher(rest);
        if (p.find()) {
          return pronoun(p.group(1), span.start(), persons, found);
        }
        return speakerIn(rest, span.end(), persons, found, true);
      }
      return null;
    }
    return null;
  }

  /** {@code s} without a comma, semicolon or dash at its start and the spaces after it. */
  static String withoutLeadingDash(String s) {
    if (s.isEmpty() || ",;–—-".indexOf(s.charAt(0)) < 0) {
      return s;
    }
    int k = 1;
    while (k < s.length() && Words.isRegexSpace(s.charAt(k))) {
      k++;
    }
    return s.substring(k);
  }

  /** Whether {@code s} starts with « selon » or « d'après » and a space. */
  static boolean startsWithSelon(String s) {
    int k;
    if (s.startsWith("elon", 1) && (s.charAt(0) == 's' || s.charAt(0) == 'S')) {
      k = 5;
    } else if (s.startsWith("après", 2) && (s.charAt(0) == 'd' || s.charAt(0) == 'D')
        && (s.charAt(1) == '\'' || s.charAt(1) == '’')) {
      k = 7;
    } else {
      return false;
    }
    return k < s.length() && Words.isRegexSpace(s.charAt(k));
  }

  private static boolean firstVerbWithin(String s, int maxWords) {
    Words w = new Words(s);
    int words = 0;
    while (w.find() && words++ < maxWords) {
      if (SpeechVerbs.isSpeechVerb(w.group())) {
        return true;
      }
      if (!FILLERS.contains(w.group().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return false;
  }

  /** Reads the clause before the quotation: {@code X a déclaré : «}, {@code Selon X, «}, {@code il estime que «}. */
  private static Persons.NameAndRole before(String text, QuoteSpans.Span span, Persons persons, List<Found> found) {
    int start = clauseStart(text, span.start(), found);
    String clause = text.substring(start, span.start());
    Matcher selon = SELON.matcher(clause);
    // The pattern's words, looked for first: a clause without them, nearly every one, is not scanned.
    if ((clause.contains("elon") || clause.contains("après")) && selon.find()) {
      Persons.NameAndRole who = speakerIn(selon.group(1), start, persons, found, false);
      if (who != null && who != UNATTRIBUTED) {
        return who;
      }
    }
    Words w = new Words(clause);
    int verbStart = -1;
    while (verbStart < 0 && w.find()) {
      if (SpeechVerbs.isSpeechVerb(w.group())) {
        verbStart = w.start();
      }
    }
    if (verbStart < 0) {
      return clause.strip().endsWith(":") ? announced(clause, start, persons, found) : null;
    }
    String verb = w.group();
    String subject = clause.substring(0, verbStart);
    Found last = found.isEmpty() ? null : found.getLast();
    boolean goesOn = last != null && last.speaker() != null && span.start() - last.end() < 300;
    if (goesOn && (verb.endsWith("ant") || verb.endsWith("er") && DE_BEFORE.matcher(subject).find())) {
      // « … » ajoutant : « … » ; Et de préciser : « … »: the same speaker goes on.
      return new Persons.NameAndRole(last.speaker(), last.role());
    }
    Matcher pronoun = SUBJECT_PRONOUN.matcher(subject);
    int pronounAt = pronoun.find() ? pronoun.start(1) : subject.length();
    Persons.NameAndRole who = persons.nameIn(subject.substring(0, pronounAt), start + verbStart, false);
    if (who != null) {
      return who;
    }
    if (pronounAt < subject.length()) {
      return pronoun(pronoun.group(1), start + pronounAt, persons, found);
    }
    return roleOnly(subject, span.start(), persons, found);
  }

  /**
   * Reads the speaker of a clause that announces a quotation with a colon and no verb of saying:
   * « Réponse cinglante de la présidente du FN : « … » »: a name, else the first definite role
   * after the clause's last comma.
   */
  private static Persons.NameAndRole announced(String clause, int start, Persons persons, List<Found> found) {
    String body = clause.strip();
    body = body.substring(0, body.length() - 1);
    Persons.NameAndRole who = persons.nameIn(body.substring(body.lastIndexOf(',') + 1), start, false);
    if (who != null) {
      return who;
    }
    Matcher definite = DEFINITE_ARTICLE.matcher(body.substring(body.lastIndexOf(',') + 1));
    return definite.find()
        ? roleOnly(body.substring(body.lastIndexOf(',') + 1).substring(definite.start(1)), start + clause.length(), persons, found)
        : null;
  }

  /** Reads a speaker from the words after a verb of saying, or after {@code selon}. */
  private static Persons.NameAndRole speakerIn(String s, int offset, Persons persons, List<Found> found,
      boolean bareSurname) {
    // « M. Heappey » is Heappey; its dot does not end the phrase.
    String np = phraseOf(s.indexOf('.') < 0 ? s : HONORIFIC.matcher(s).replaceAll(""));
    Matcher pronoun = STRESSED_PRONOUN.matcher(np);
    if (pronoun.find()) {
      return pronoun(pronoun.group(1).equals("lui") ? "il" : pronoun.group(1), offset, persons, found);
    }
    Persons.NameAndRole who = persons.nameIn(np, offset, bareSurname);
    if (who != null) {
      return who;
    }
    return roleOnly(np, offset, persons, found);
  }

  /**
   * {@code s} up to its first comma, semicolon, colon, dot, bracket, opening quotation mark or line
   * break: what {@code s.replaceFirst("(?s)[,;:.(«“\"\n].*$", "")} gives.
   */
  static String phraseOf(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (",;:.(«“\"\n".indexOf(s.charAt(i)) >= 0) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  /** The quotations found so far in the paragraph of {@code offset}: a role alone refers back only that far. */
  private static List<Found> speakersOfParagraph(List<Found> found, Persons persons, int offset) {
    String text = persons.text();
    int paragraphStart = text.lastIndexOf("\n\n", Math.max(0, offset - 1));
    List<Found> ofParagraph = new ArrayList<>();
    for (Found f : found) {
      if (f.start() > paragraphStart) {
        ofParagraph.add(f);
      }
    }
    return ofParagraph;
  }

  /** Words before a role's noun that are not the noun: « l'ancienne ministre ». */
  private static final Set<String> ROLE_MODIFIERS = Set.of("ancien", "ancienne", "nouveau", "nouvelle", "actuel",
      "actuelle", "ex", "jeune", "futur", "future", "premier", "première", "l");

  /** « un internaute » → unattributed; « la ministre » → the last person with that role, else null. */
  private static Persons.NameAndRole roleOnly(String np, int offset, Persons persons, List<Found> found) {
    Words w = new Words(np);
    if (!w.find()) {
      return null;
    }
    String first = w.group().toLowerCase(Locale.ROOT);
    if (INDEFINITE.contains(first)) {
      return UNATTRIBUTED;
    }
    String article = np.strip().toLowerCase(Locale.ROOT);
    if (!(DEFINITE.contains(first) || article.startsWith("l'") || article.startsWith("l’"))) {
      return null;
    }
    if (first.equals("celui") || first.equals("celle")) {
      return pronoun(first.equals("celle") ? "elle" : "il", offset, persons, found);
    }
    while (w.find()) {
      String head = w.group();
      if (!ROLE_MODIFIERS.contains(head.toLowerCase(Locale.ROOT))) {
        String name = persons.withRole(head, offset);
        if (name != null) {
          return new Persons.NameAndRole(name, persons.roleOf(name));
        }
        // « a répondu la ministre »: the person the article is about, as for « elle ».
        return pronoun(first.equals("la") ? "elle" : first.equals("le") ? "il" : "on", offset, persons,
            speakersOfParagraph(found, persons, offset));
      }
    }
    return null;
  }

  /**
   * Resolves {@code il}/{@code elle}: the last speaker of a compatible gender, else the last person
   * named at the start of a sentence, else the first person of the title.
   */
  private static Persons.NameAndRole pronoun(String pronoun, int offset, Persons persons, List<Found> found) {
    String p = pronoun.toLowerCase(Locale.ROOT);
    char gender = p.startsWith("elle") ? 'f' : p.startsWith("il") ? 'm' : '?';
    Found speaker = null;
    for (int i = found.size() - 1; i >= 0 && speaker == null; i--) {
      Found f = found.get(i);
      if (f.speaker() != null && f.start() < offset && compatible(Persons.genderOf(f.speaker()), gender)) {
        speaker = f;
      }
    }
    Persons.Mention subject = null;
    Persons.Mention any = null;
    Persons.Mention title = null;
    List<Persons.Mention> mentions = persons.mentions();
    for (int i = 0; i < mentions.size(); i++) {
      Persons.Mention m = mentions.get(i);
      if (m.start() >= offset || !compatible(m.gender(), gender)) {
        continue;
      }
      if (m.start() < 0) {
        title = title == null ? m : title;
      } else {
        any = m;
        subject = persons.initial(i) ? m : subject;
      }
    }
    if (speaker != null && (subject == null || speaker.start() > subject.start())) {
      return new Persons.NameAndRole(speaker.speaker(), speaker.role());
    }
    Persons.Mention pick = subject != null ? subject : any != null ? any : title;
    return pick == null ? null : new Persons.NameAndRole(pick.name(), persons.roleOf(pick.name()));
  }

  private static boolean compatible(char person, char pronoun) {
    return person == '?' || pronoun == '?' || person == pronoun;
  }

  /**
   * Whether {@code span} goes on from the previous quotation: the same paragraph or the next, and
   * no person named between them.
   */
  private static boolean continues(String text, Persons persons, Found previous, QuoteSpans.Span span) {
    String between = text.substring(previous.end(), span.start());
    if (between.indexOf("\n\n") != between.lastIndexOf("\n\n") || between.length() > 300) {
      return false;
    }
    for (Persons.Mention m : persons.mentions()) {
      if (m.start() >= previous.end() && m.start() < span.start()) {
        return false;
      }
    }
    return true;
  }

  /** The end of the clause after a closing mark: the next sentence end, opening mark or paragraph end. */
  private static int clauseEnd(String text, int from) {
    int limit = Math.min(text.length(), from + 200);
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '«' || c == '“' || c == '\n') {
        return i;
      }
      if ((c == '.' || c == '!' || c == '?') && i > from + 1 && i + 1 < text.length()
          && Character.isWhitespace(text.charAt(i + 1)) && !abbreviation(text, i)) {
        return i;
      }
    }
    return limit;
  }

  /** The start of the clause before an opening mark: the previous sentence end, quotation or paragraph. */
  private static int clauseStart(String text, int to, List<Found> found) {
    int floor = found.isEmpty() ? 0 : Math.min(to, found.getLast().end());
    int limit = Math.max(floor, to - 300);
    for (int i = to - 1; i >= limit; i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '»' || c == '”') {
        return i + 1;
      }
      if ((c == '.' || c == '!' || c == '?') && i + 1 < to && Character.isWhitespace(text.charAt(i + 1))
          && !abbreviation(text, i)) {
        return i + 1;
      }
    }
    return limit;
  }

  private static boolean abbreviation(String text, int dot) {
    int s = dot;
    while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
      s--;
    }
    String word = text.substring(s, dot);
    return word.length() == 1 && Character.isUpperCase(word.charAt(0)) || word.equals("Mme") || word.equals("Dr");
  }
}

package org.depeche.passage.quote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people an article names, in reading order, with the role written beside each name: « le
 * secrétaire d'État aux forces armées James Heappey » is a mention of James Heappey, role «
 * secrétaire d'État aux forces armées ».
 *
 * <p>A person is a run of capitalised words that starts with a known first name ({@code
 * first-names.tsv}, which also gives a gender), or follows {@code M.}, {@code Mme}, {@code
 * Monsieur} or {@code Madame}. A later bare surname, or {@code M. Heappey}, is the same person as
 * the last full name ending with it, when a quotation's speaker is read.
 *
 * <p>Built for one article and not shared: not thread-safe.
 */
final class Persons {
  private static final Set<String> PARTICLES =
      Set.of("de", "du", "des", "van", "von", "der", "den", "ben", "bin", "al", "el", "da", "di", "dos", "del", "della");

  private static final Pattern TITLE_BEFORE = Pattern.compile("(?<!\\p{L})(?:M\\.?|Mme\\.?|Monsieur|Madame)\\s*$");

  private static final Map<String, Character> FIRST_NAMES = firstNames();

  /**
   * One mention of a person.
   *
   * @param start offset of the name in the text ({@code -1} for the article's title)
   * @param end offset just after the name's run of capitalised words
   * @param name the full name
   * @param gender {@code 'm'}, {@code 'f'} or {@code '?'}
   */
  record Mention(int start, int end, String name, char gender) {}

  private final List<Mention> mentions = new ArrayList<>();
  private String title;
  private boolean scanned;
  /** " " + the folded name of each mention, for surname look-ups. */
  private final List<String> keys = new ArrayList<>();
  /** The role before each mention, found when first asked for ({@code ""}: none). */
  private final List<String> roles = new ArrayList<>();
  /** Whether each mention is a sentence's subject, found when first asked for. */
  private final List<Boolean> initials = new ArrayList<>();
  private String text = "";

  private Persons() {}

  /** Finds the persons named in the title (at offset -1) and the text. */
  static Persons of(String title, String text) {
    Persons persons = new Persons();
    persons.title = title;
    persons.text = text;
    return persons;
  }

  /**
   * Returns the mentions, finding them the first time: most quotations name their speaker
   * outright, so most articles never need them.
   */
  private List<Mention> all() {
    if (!scanned) {
      scanned = true;
      if (title != null) {
        scan(title, -1);
      }
      scan(text, 0);
    }
    return mentions;
  }

  private void scan(String text, int base) {
    int[] runs = runs(text);
    for (int r = 0; r < runs.length; r += 2) {
      Mention mention = mention(text, runs[r], runs[r + 1], base);
      if (mention != null) {
        mentions.add(mention);
        keys.add(" " + fold(mention.name()));
        roles.add(null);
        initials.add(null);
      }
    }
  }

  private Mention mention(String text, int start, int end, int base) {
    String run = text.substring(start, end);
    String[] words = run.split(" ");
    boolean titled = start > 0 && isHonorific(text, start);
    int first = -1;
    for (int w = 0; w < words.length; w++) {
      if (FIRST_NAMES.containsKey(words[w]) && w + 1 < words.length) {
        first = w;
        break;
      }
    }
    String name;
    char gender;
    int offset = start;
    if (first >= 0) {
      name = String.join(" ", List.of(words).subList(first, words.length));
      gender = FIRST_NAMES.get(words[first]);
      offset = start + run.indexOf(words[first]);
    } else if (titled) {
      String surname = run;
      String full = fullName(surname, Integer.MAX_VALUE);
      name = full == null ? surname : full;
      String before = text.substring(Math.max(0, start - 10), start);
      gender = before.contains("Mme") || before.contains("Madame") ? 'f' : 'm';
    } else {
      // A bare surname is resolved when a quotation needs it (nameIn): looking every capitalised
      // word up here would cost more than all the rest.
      return null;
    }
    return new Mention(base < 0 ? -1 : offset, base < 0 ? -1 : end, name, gender);
  }


  /**
   * Whether the name at {@code offset} is a subject: it opens its sentence, or follows a
   * comma-ended phrase there, and a verb, a comma or a bracket follows it, not the sentence's end.
   */
  boolean initial(int i) {
    Mention m = all().get(i);
    if (initials.get(i) == null) {
      initials.set(i, m.start() >= 0 && initial(text, m.start(), m.end()));
    }
    return initials.get(i);
  }

  private static boolean initial(String text, int offset, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 3)).stripLeading();
    if (after.isEmpty() || !(Character.isLowerCase(after.charAt(0)) || after.charAt(0) == '(' || after.charAt(0) == ',')) {
      return false;
    }
    int from = Math.max(0, offset - 200);
    String before = text.substring(from, offset);
    int start = sentenceStart(before);
    if (start == 0 && from > 0) {
      return false;
    }
    String head = before.substring(start).strip();
    return head.isEmpty() || head.endsWith(",") || head.indexOf(' ') < 0;
  }

  /**
   * Returns where the last sentence of {@code s} starts: just after its last sentence end ({@code
   * .}, {@code !}, {@code ?} or {@code »} and a space, or a line break), or 0. The end of the last
   * match of {@code (?:[.!?»]\s|\n)}, scanned from the end: it runs for every name a pronoun may
   * refer to.
   */
  static int sentenceStart(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == '\n' || i > 0 && Words.isRegexSpace(c) && isSentenceMark(s.charAt(i - 1))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static boolean isSentenceMark(char c) {
    return c == '.' || c == '!' || c == '?' || c == '»';
  }

  /**
   * Returns the runs of capitalised words of {@code text} as offsets {@code [start0, end0, …]}: «
   * James Heappey », « François de Rugy », « Vallaud-Belkacem ». Hand-written: it runs over every
   * article indexed.
   */
  static int[] runs(String text) {
    int n = text.length();
    int[] out = new int[16];
    int count = 0;
    // The scans are methods of their own, so that the JIT compiles each loop once: as one method
    // it was compiled again and again, on-stack, each time a rarer branch was taken.
    for (int i = nextWordStart(text, 0); i < n; i = nextWordStart(text, i)) {
      int end = runEnd(text, i);
      if (end == i) {
        // A capital that is no letter (Ⓐ, Other_Uppercase) starts no word: this loop did not move.
        i++;
        continue;
      }
      if (count + 2 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[count++] = i;
      out[count++] = end;
      i = end;
    }
    return Arrays.copyOf(out, count);
  }

  /** The offset of the first capital at or after {@code from} that starts a word, or the text's length. */
  private static int nextWordStart(String text, int from) {
    int n = text.length();
    int i = from;
    while (i < n && (!Character.isUpperCase(text.charAt(i)) || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
      i++;
    }
    return i;
  }

  /** The end of the run of capitalised words that starts at {@code start}. */
  private static int runEnd(String text, int start) {
    int n = text.length();
    int end = wordEnd(text, start);
    while (true) {
      int k = end;
      while (k < n && text.charAt(k) == ' ') {
        k++;
      }
      if (k == end || k >= n) {
        break;
      }
      if (Character.isUpperCase(text.charAt(k))) {
        end = wordEnd(text, k);
        continue;
      }
      int w = wordEnd(text, k);
      String word = text.substring(k, w);
      if ((word.equals("d'") || word.equals("d’")) && w < n && Character.isUpperCase(text.charAt(w))) {
        end = wordEnd(text, w);
        continue;
      }
      if (PARTICLES.contains(word) && w + 1 < n && text.charAt(w) == ' ' && Character.isUpperCase(text.charAt(w + 1))) {
        end = wordEnd(text, w + 1);
        continue;
      }
      break;
    }
    return end;
  }

  /** The end of the word at {@code i}: letters, marks, apostrophes and hyphens (« d' » stops after the apostrophe). */
  private static int wordEnd(String text, int i) {
    int j = i;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK || c == '-') {
        j++;
      } else if (c == '\'' || c == '’') {
        j++;
        if (j - i == 2 && Character.isLowerCase(text.charAt(i))) {
          break;
        }
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean isHonorific(String text, int start) {
    int k = start;
    while (k > 0 && text.charAt(k - 1) == ' ') {
      k--;
    }
    int b = k;
    while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
      b--;
    }
    String word = text.substring(b, k);
    return word.equals("M.") || word.equals("M") || word.equals("Mme") || word.equals("Mme.")
        || word.equals("Monsieur") || word.equals("Madame");
  }

  /**
   * Returns the role written just before a name: the lower-case words after the article, «
   * secrétaire d'État aux forces armées » in « le secrétaire d'État aux forces armées James Heappey
   * », or null.
   */
  static String roleBefore(String text, int nameStart) {
    int from = Math.max(0, nameStart - 80);
    String before = text.substring(from, nameStart);
    if (!hasRoleHint(before)) {
      return null;
    }
    Matcher m = ROLE_BEFORE.matcher(before);
    if (!m.find()) {
      return null;
    }
    String role = m.group(1).strip();
    return role.isEmpty() ? null : role;
  }

  private static boolean hasRoleHint(String before) {
    for (String hint : ROLE_HINTS) {
      if (before.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  /** Parts of the role nouns of {@link #ROLE_BEFORE}: without one, the costlier pattern cannot match. */
  private static final List<String> ROLE_HINTS = List.of("inist", "résident", "ecrét", "éputé", "énat", "maire",
      "élu", "andidat", "chef", "porte-parole", "onseill", "leader", "atron", "irigeant", "mbassad", "ommissaire",
      "vocat", "juge", "rocureur", "ournaliste", "irect", "esponsable", "ilitant", "yndical");

  private static final Pattern ROLE_BEFORE = Pattern.compile(
      "(?:^|[\\s(])(?:le|la|l'|l’|les|un|une|du|de la|au|à la)\\s*((?:[\\p{Ll}\\p{Lu}][\\p{L}\\p{M}'’-]*\\s+){0,8}?"
          + "(?:ministre|président|présidente|secrétaire|députée?|sénat(?:eur|rice)|maire|élue?|candidate?|chef|"
          + "porte-parole|conseill(?:er|ère)|leader|patron(?:ne)?|dirigeante?|ambassad(?:eur|rice)|commissaire|"
          + "avocate?|juge|procureure?|journaliste|directeur|directrice|responsable|militante?|syndicaliste|"
          + "secrétaire général|premier ministre|Premier ministre|vice-présidente?)"
          + "(?:\\s+[(\\p{Ll}\\p{Lu}][\\p{L}\\p{M}'’()-]*){0,8}?)\\s*,?\\s*$");

  /**
   * Returns the full name of the last person before {@code offset} whose name ends with {@code
   * surname} ({@code "Heappey"} → {@code "James Heappey"}), or null.
   */
  String fullName(String surname, int offset) {
    String key = " " + fold(surname);
    for (int i = all().size() - 1; i >= 0; i--) {
      Mention m = all().get(i);
      if (m.start() < offset && keys.get(i).endsWith(key) && m.name().contains(" ")) {
        return m.name();
      }
    }
    return null;
  }

  /** Returns the role first written beside {@code name} in the article, or null. */
  String roleOf(String name) {
    for (int i = 0; i < all().size(); i++) {
      if (all().get(i).name().equals(name) && role(i) != null) {
        return role(i);
      }
    }
    return null;
  }

  /** The role written before mention {@code i}, or null. */
  private String role(int i) {
    if (roles.get(i) == null) {
      Mention m = all().get(i);
      String role = m.start() < 0 ? null : roleBefore(text, m.start());
      roles.set(i, role == null ? "" : role);
    }
    return roles.get(i).isEmpty() ? null : roles.get(i);
  }

  /** Returns the gender of {@code name} from its first name: {@code 'm'}, {@code 'f'} or {@code '?'}. */
  static char genderOf(String name) {
    int space = name.indexOf(' ');
    Character g = FIRST_NAMES.get(space < 0 ? name : name.substring(0, space));
    return g == null ? '?' : g;
  }

  /** Returns the article text the persons were found in. */
  String text() {
    return text;
  }

  /** Returns the mentions in reading order, the title's first. */
  List<Mention> mentions() {
    return all();
  }

  /**
   * Returns the last person before {@code offset} whose role holds the word {@code head} («
   * ministre », « présidente »), or null.
   */
  String withRole(String head, int offset) {
    String key = fold(head);
    if (key.length() > 6) {
      key = key.substring(0, 6);
    }
    for (int i = all().size() - 1; i >= 0; i--) {
      Mention m = all().get(i);
      if (m.start() < offset && role(i) != null && fold(roleOf(m.name())).contains(key)) {
        return m.name();
      }
    }
    return null;
  }

  /**
   * Reads a person's name at the start of {@code s}, after an optional article and role: «
   * le secrétaire d'État James Heappey devant … » → James Heappey. A single capitalised word is
   * resolved to a full name met before {@code offset}, or kept as it is when {@code bareSurname}.
   * Returns null when {@code s} names no one.
   */
  NameAndRole nameIn(String s, int offset, boolean bareSurname) {
    int[] runs = runs(s);
    boolean first = true;
    for (int r = 0; r < runs.length; r += 2) {
      String run = s.substring(runs[r], runs[r + 1]);
      String[] words = run.split(" ");
      String before = s.substring(0, runs[r]);
      if (HONORIFICS.contains(run)) {
        continue;
      }
      boolean firstRun = first;
      first = false;
      // The checks look at the end of what comes before: the last few words decide.
      String tail = before.substring(Math.max(0, before.length() - 12));
      if (endsWithComplement(tail)) {
        continue;
      }
      for (int w = 0; w < words.length; w++) {
        if (FIRST_NAMES.containsKey(words[w]) && w + 1 < words.length) {
          return new NameAndRole(String.join(" ", List.of(words).subList(w, words.length)), roleText(before));
        }
      }
      String full = fullName(run, offset);
      if (full != null) {
        return new NameAndRole(full, roleText(before));
      }
      if (endsWithTitle(tail) || bareSurname && firstRun && !FUNCTION_WORDS.contains(words[0])
          && (words.length >= 2 && !startsLikeOrganisation(words[0]) || before.isBlank())) {
        return new NameAndRole(run, roleText(before));
      }
    }
    return null;
  }

  /** Prepositions after which a name is a complement, not a speaker (« le candidat d'En Marche »). */
  private static final String[] COMPLEMENT_WORDS = {
    "de", "du", "des", "à", "au", "aux", "en", "pour", "sur", "par", "avec", "chez", "contre", "entre", "vers", "dans"
  };

  /** Honorifics after which a capitalised word is a name: « M. Heappey ». */
  private static final String[] TITLE_WORDS = {"M", "M.", "Mme", "Mme.", "Monsieur", "Madame"};

  /*
   * The two scans below are hand-written for what were regular expressions run on every run of
   * capitalised words of every clause read for a speaker; the JIT compiled the regex engine's code
   * into nameIn. They match exactly what java.util.regex matched (PersonsTest compares them on
   * random text): "$" at the end or before a final line terminator, "\s" the six ASCII spaces,
   * "(?<!\p{L})" a char that is not a letter, CASE_INSENSITIVE folding ASCII letters only.
   */

  /**
   * Whether {@code tail} ends with a preposition and spaces, or with {@code d'} or {@code l'}, not
   * inside a word, ASCII case aside: what {@code
   * (?:(?<!\p{L})(?:de|du|des|à|au|aux|en|pour|sur|par|avec|chez|contre|entre|vers|dans)\s+|(?<!\p{L})[dl]['’])$}
   * found with {@code CASE_INSENSITIVE}.
   */
  static boolean endsWithComplement(String tail) {
    int other = beforeFinalTerminator(tail);
    return complementEndsAt(tail, tail.length()) || other >= 0 && complementEndsAt(tail, other);
  }

  private static boolean complementEndsAt(String s, int end) {
    int wordEnd = beforeSpaces(s, end);
    if (wordEnd < end) {
      for (String word : COMPLEMENT_WORDS) {
        if (endsWithWord(s, wordEnd, word, true)) {
          return true;
        }
      }
    }
    if (end < 2) {
      return false;
    }
    char quote = s.charAt(end - 1);
    char letter = s.charAt(end - 2);
    return (quote == '\'' || quote == '’') && (letter == 'd' || letter == 'D' || letter == 'l' || letter == 'L')
        && notAfterLetter(s, end - 2);
  }

  /** Whether {@code tail} ends with M., Mme, Monsieur or Madame and spaces: {@code (?<!\p{L})(?:M\.?|Mme\.?|Monsieur|Madame)\s*$}. */
  static boolean endsWithTitle(String tail) {
    int other = beforeFinalTerminator(tail);
    return titleEndsAt(tail, tail.length()) || other >= 0 && titleEndsAt(tail, other);
  }

  private static boolean titleEndsAt(String s, int end) {
    int wordEnd = beforeSpaces(s, end);
    for (String word : TITLE_WORDS) {
      if (endsWithWord(s, wordEnd, word, false)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code word} ends at {@code end} of {@code s} after no letter; {@code ascii}: ASCII case aside. */
  private static boolean endsWithWord(String s, int end, String word, boolean ascii) {
    int start = end - word.length();
    if (start < 0) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = s.charAt(start + k);
      char w = word.charAt(k);
      if (c != w && !(ascii && c >= 'A' && c <= 'Z' && (char) (c + ('a' - 'A')) == w)) {
        return false;
      }
    }
    return notAfterLetter(s, start);
  }

  /** Where the spaces ({@code \s*}) that end {@code s[0..end)} begin. */
  private static int beforeSpaces(String s, int end) {
    int k = end;
    while (k > 0 && Words.isRegexSpace(s.charAt(k - 1))) {
      k--;
    }
    return k;
  }

  private static boolean notAfterLetter(String s, int i) {
    return i == 0 || !Character.isLetter(s.charAt(i - 1));
  }

  /** Where "$" also matches in {@code s}: before a final line terminator ({@code \r\n} counts as one), else -1. */
  private static int beforeFinalTerminator(String s) {
    int n = s.length();
    if (n >= 2 && s.charAt(n - 2) == '\r' && s.charAt(n - 1) == '\n') {
      return n - 2;
    }
    if (n >= 1) {
      char c = s.charAt(n - 1);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return n - 1;
      }
    }
    return -1;
  }

  private static final Set<String> HONORIFICS = Set.of("M", "Mme", "Mlle", "Me", "Dr", "Monsieur", "Madame");

  private static final Set<String> FUNCTION_WORDS = Set.of(
      "Sur", "Dans", "En", "Selon", "Pour", "Avec", "Après", "Avant", "Lors", "Depuis", "Mais", "Et", "Puis", "Ce",
      "Cette", "Son", "Sa", "Ses", "Un", "Une", "Des", "Du", "De", "Au", "Aux", "À", "Il", "Elle", "Le", "La", "Les",
      "Quant", "Alors", "Ainsi", "Interrogé", "Interrogée", "Invité", "Invitée");

  /** A speaker's name and role. */
  record NameAndRole(String name, String role) {}

  private static final Set<String> ORGANISATION_WORDS = Set.of(
      "France", "Le", "La", "Les", "L'", "Parti", "Front", "Rassemblement", "Assemblée", "Sénat", "Union",
      "Nations", "Conseil", "Cour", "Ministère", "Agence", "Journal", "Chambre", "Maison", "Etat", "État",
      "Etats", "États", "Comité", "Commission", "Fédération", "Association", "Institut", "Gouvernement",
      "New", "Radio", "Europe", "Canal", "Mairie", "Région", "Ville", "République", "Organisation");

  private static boolean startsLikeOrganisation(String word) {
    return ORGANISATION_WORDS.contains(word) || word.length() > 1 && allUpperCase(word);
  }

  private static boolean allUpperCase(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern ROLE_ARTICLE = Pattern.compile("^[\\s,;:]*(?:(?:le|la|les|un|une)\\s+|l['’])");
  private static final Pattern TRAILING_COMMAS = Pattern.compile("[,\\s]+$");

  /** The lower-case role words of {@code before}, without the article and the M./Mme. */
  private static String roleText(String before) {
    String role = ROLE_ARTICLE.matcher(TITLE_BEFORE.matcher(before).replaceAll("")).replaceAll("").strip();
    role = TRAILING_COMMAS.matcher(role).replaceAll("");
    return role.isEmpty() ? null : role;
  }

  /**
   * Lower case without accents: {@code "Élysée"} → {@code "elysee"}. Hand-written loops rather than
   * streams and a regular expression: it runs for every name compared, and C2 compiles it into each.
   */
  static String fold(String s) {
    String folded = isAscii(s) ? s : withoutMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
    return folded.toLowerCase(Locale.ROOT).replace('’', '\'');
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} without its combining marks (the code points of category M: Mn, Mc and Me). */
  static String withoutMarks(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int type = Character.getType(c);
      if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
          && type != Character.ENCLOSING_MARK) {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  private static Map<String, Character> firstNames() {
    Map<String, Character> names = new HashMap<>();
    try (InputStream in = Persons.class.getResourceAsStream("first-names.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.split("\t");
          names.put(f[0], f[1].charAt(0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(names);
  }
}

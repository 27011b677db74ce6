package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.depeche.QuerySyntaxException;
import org.depeche.search.ParsedQuery.Field;
import org.depeche.search.ParsedQuery.Group;
import org.depeche.search.ParsedQuery.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

  /**
   * A parsed query written compactly so that a table can hold it: groups joined by {@code " | "},
   * alternatives by {@code " OR "}, then {@code " ! "} and the exclusions. An item is
   * {@code [field:]text}, with a phrase's text in brackets: {@code title:[forces armées]}.
   */
  private static String compact(ParsedQuery parsed) {
    String groups = parsed.groups().stream()
        .map(g -> g.alternatives().stream().map(QueryParserTest::compact).collect(Collectors.joining(" OR ")))
        .collect(Collectors.joining(" | "));
    String exclusions = parsed.exclusions().stream().map(QueryParserTest::compact)
        .collect(Collectors.joining(" "));
    return exclusions.isEmpty() ? groups : groups + " ! " + exclusions;
  }

  private static String compact(Item item) {
    String field = switch (item.field()) {
      case ANY -> "";
      case TITLE -> "title:";
      case SOURCE -> "source:";
    };
    return field + (item.phrase() ? "[" + item.text() + "]" : item.text()) + (item.prefix() ? "*" : "");
  }

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '→', quoteCharacter = '`', textBlock = """
      Bamako                                        → Bamako
      responsabilité Bamako                         → responsabilité | Bamako
      `  Mali   Barkhane  `                         → Mali | Barkhane
      "forces armées"                               → [forces armées]
      « forces armées »                             → [forces armées]
      «forces armées»                               → [forces armées]
      “forces armées”                               → [forces armées]
      Mali "forces armées" OR Barkhane -Russie      → Mali | [forces armées] OR Barkhane ! Russie
      Mali OR Bamako OR Gao                         → Mali OR Bamako OR Gao
      Mali Bamako OR Gao                            → Mali | Bamako OR Gao
      Mali -Russie -"groupe Wagner"                 → Mali ! Russie [groupe Wagner]
      Mali -« groupe Wagner »                       → Mali ! [groupe Wagner]
      title:Mali                                    → title:Mali
      titre:Mali                                    → title:Mali
      TITLE:Mali                                    → title:Mali
      source:AFP                                    → source:AFP
      title:"Royaume-Uni" source:AFP                → title:[Royaume-Uni] | source:AFP
      title:«retrait des troupes»                   → title:[retrait des troupes]
      Mali -source:AFP                              → Mali ! source:AFP
      Royaume-Uni                                   → Royaume-Uni
      a-t-il                                        → a-t-il
      l'ONU                                         → l'ONU
      L’ONU                                         → L’ONU
      Dijon: 11 condamnations                       → Dijon: | 11 | condamnations
      Isaac:Rebirth                                 → Isaac:Rebirth
      auteur:Heappey                                → auteur:Heappey
      ORANGE or Orange                              → ORANGE | or | Orange
      Mali"Barkhane"                                → Mali | [Barkhane]
      Mali ""                                       → Mali
      milit* Mali                                   → milit* | Mali
      title:britanniq**                             → title:britanniq*
      """)
  void parsesQueriesIntoGroupsAlternativesAndExclusions(String query, String expected) {
    assertEquals(expected, compact(QueryParser.parse(query)));
  }

  @Test
  void recordsEachItemsFieldPhraseFlagAndOneBasedPosition() {
    ParsedQuery parsed = QueryParser.parse("Mali title:\"forces armées\" OR Barkhane -source:AFP");
    assertEquals(List.of(
            new Group(List.of(new Item(Field.ANY, "Mali", false, false, 1))),
            new Group(List.of(
                new Item(Field.TITLE, "forces armées", true, false, 6),
                new Item(Field.ANY, "Barkhane", false, false, 31)))),
        parsed.groups());
    assertEquals(List.of(new Item(Field.SOURCE, "AFP", false, false, 40)), parsed.exclusions());
  }

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '→', quoteCharacter = '`', textBlock = """
      ``                        → empty query at position 1
      `   `                     → empty query at position 1
      ""                        → empty query at position 1
      « »                       → empty query at position 1
      -""                       → empty query at position 1
      "" -Mali                  → nothing to look for, only words to exclude at position 1
      "Bamako                   → unclosed quote " at position 1
      Mali "forces armées       → unclosed quote " at position 6
      « Bamako                  → unclosed quote « at position 1
      Mali «forces armées"      → unclosed quote « at position 6
      “Bamako                   → unclosed quote “ at position 1
      -                         → '-' must be followed by a word or phrase to exclude at position 1
      Mali -                    → '-' must be followed by a word or phrase to exclude at position 6
      Mali - Bamako             → '-' must be followed by a word or phrase to exclude at position 6
      OR Mali                   → 'OR' needs a word or phrase on each side at position 1
      Mali OR                   → 'OR' needs a word or phrase on each side at position 6
      Mali OR OR Bamako         → 'OR' needs a word or phrase on each side at position 9
      OR                        → 'OR' needs a word or phrase on each side at position 1
      Mali -Russie OR Bamako    → 'OR' needs a word or phrase on each side at position 14
      Mali OR -Bamako           → an excluded item cannot follow 'OR' at position 9
      title: Mali               → 'title:' must be followed by a word or phrase at position 1
      Mali titre: Bamako        → 'titre:' must be followed by a word or phrase at position 6
      Mali source:              → 'source:' must be followed by a word or phrase at position 6
      Mali -title: Bamako       → 'title:' must be followed by a word or phrase at position 6
      -Mali                     → nothing to look for, only words to exclude at position 1
      -Mali -"groupe Wagner"    → nothing to look for, only words to exclude at position 1
      Mali mi*                  → a prefix needs at least 3 letters before '*': 'mi*' at position 6
      """)
  void rejectsMalformedQueriesNamingTheProblemAndItsPosition(String query, String message) {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query));
    assertEquals(message, e.getMessage());
  }

  @Test
  void exceptionPositionIsOneBasedCharacterIndexOfTheProblem() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> QueryParser.parse("Mali « Bamako"));
    assertEquals(6, e.position());
    assertEquals('«', "Mali « Bamako".charAt(e.position() - 1));
  }

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '→', quoteCharacter = '`', textBlock = """
      "Bamako                   → Bamako
      Mali -                    → Mali
      Mali OR                   → Mali
      -Russie Mali              → Russie Mali
      Royaume-Uni               → Royaume-Uni
      title: Mali               → Mali
      """)
  void plainWordsDropsTheSyntaxButKeepsHyphenatedWords(String query, String expected) {
    assertEquals(expected, QueryParser.plainWords(query));
  }
}

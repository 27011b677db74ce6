package org.depeche.passage.quote;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The French verbs that report speech, in the forms news uses them: {@code déclaré} ({@code a
 * déclaré}), {@code affirme} ({@code affirme-t-elle}), {@code dénoncé} ({@code avait-il dénoncé}),
 * {@code ajoutant}, {@code préciser} ({@code et de préciser}).
 *
 * <p>Regular {@code -er} verbs are listed once and inflected here (participles, present, imperfect,
 * simple past, present participle); others are listed with their forms.
 *
 * <p>Immutable and thread-safe.
 */
final class SpeechVerbs {
  private static final List<String> ER_VERBS = List.of(
      "déclarer", "affirmer", "indiquer", "ajouter", "expliquer", "estimer", "assurer", "souligner",
      "préciser", "insister", "lâcher", "confier", "raconter", "analyser", "regretter", "dénoncer",
      "interroger", "ironiser", "tweeter", "twitter", "insurger", "justifier", "annoncer", "déplorer",
      "avouer", "confirmer", "noter", "observer", "résumer", "commenter", "clamer", "exclamer",
      "emporter", "indigner", "témoigner", "plaider", "tacler", "terminer", "relever", "constater",
      "demander", "critiquer", "accuser", "glisser", "souffler", "amuser", "féliciter", "protester",
      "répliquer", "détailler", "signaler", "mentionner", "rétorquer", "attaquer", "tonner", "railler",
      "tempêter", "alarmer", "alerter", "interpeller", "certifier", "jurer", "continuer", "enchaîner",
      "moquer", "étonner", "confesser", "exhorter", "plaisanter", "trancher", "tancer", "penser",
      "fustiger", "juger", "lancer", "menacer", "agacer", "conclure", "écrire", "souhaiter", "défendre", "réclamer", "rappeler", "marteler", "répéter", "asséner",
      "concéder", "considérer", "inquiéter", "espérer", "déclamer", "scander", 
      "argumenter", "argüer", "résumer", "s'emporter", "commenter", "complèter", "compléter",
      "illustrer", "nuancer", "prôner", "informer", "réitérer", "insister", "évoquer");

  private static final List<String> OTHER_FORMS = List.of(
      "dire", "dit", "dite", "disent", "disait", "disaient", "disant", "dira",
      "prévenu", "prévenue", "prévient", "prévenait", "prévenant", "prévint",
      "poursuivre", "poursuivi", "poursuivie", "poursuit", "poursuivait", "poursuivant", "poursuivit",
      "conclure", "conclu", "conclue", "conclut", "concluait", "concluant",
      "répondre", "répondu", "répond", "répondait", "répondant", "répondit",
      "écrit", "écrite", "écrivait", "écrivant", "écrivit",
      "reconnu", "reconnue", "reconnaît", "reconnait", "reconnaissait", "reconnaissant",
      "admis", "admise", "admet", "admettait",
      "soutenu", "soutient", "soutenait", "soutenant",
      "repris", "reprise", "reprend", "reprenait", "reprenant", "reprit",
      "promis", "promet", "promettait",
      "averti", "avertit", "avertissait", "avertissant",
      "réagi", "réagit", "réagissait", "réagissant",
      "garanti", "garantit", "réjoui", "réjouit",
      "défendu", "défend", "défendait", "défendant",
      "martèle", "martèlent", "rappelle", "rappellent", "répète", "répètent", "assène", "assènent",
      "concède", "considère", "inquiète", "espère",
      "lança", "lançait", "lançant", "menaça", "fustigea", "fustigeant", "jugea", "jugeant",
      "interrogea", "interrogeant", "agaça");

  private static final Set<String> FORMS = forms();

  private SpeechVerbs() {}

  /** Returns whether {@code word}, in any case, is a form of a verb of saying. */
  static boolean isSpeechVerb(String word) {
    if (FORMS.contains(word)) {
      return true;
    }
    String folded = word.toLowerCase(Locale.ROOT).replace('’', '\'');
    return !folded.equals(word) && FORMS.contains(folded);
  }

  private static Set<String> forms() {
    Set<String> forms = new HashSet<>(OTHER_FORMS);
    for (String verb : ER_VERBS) {
      String v = verb.startsWith("s'") ? verb.substring(2) : verb;
      if (!v.endsWith("er")) {
        continue;
      }
      String stem = v.substring(0, v.length() - 2);
      for (String ending : List.of("er", "é", "ée", "és", "ées", "e", "ent", "ait", "aient", "a", "ant", "èrent")) {
        forms.add(stem + ending);
      }
    }
    return Set.copyOf(forms);
  }
}

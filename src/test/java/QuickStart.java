import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.PassageHit;

public class QuickStart {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("depeche-");
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("mali-2022-11-15")
          .title("Le Royaume-Uni va retirer ses troupes du Mali plus tôt que prévu")
          .date(LocalDate.of(2022, 11, 15))
          .source("AFP")
          .text("""
              Le Royaume-Uni a annoncé le retrait anticipé de ses militaires déployés au Mali.

              « Nous devons être clairs sur le fait que la responsabilité de tout cela incombe \
              à Bamako », a-t-il ajouté.
              """)
          .build());
      index.add(Article.builder("climat-2022-11-20")
          .title("COP27 : un accord sur les pertes et dommages")
          .date(LocalDate.of(2022, 11, 20))
          .text("La responsabilité des pays riches dans le réchauffement est au cœur de l'accord.")
          .build());
      index.commit();

      PassageHit best = index.search("responsabilite Bamako").hits().getFirst();
      System.out.println(best.passageId() + "  " + best.title() + " (" + best.date() + ")");
      System.out.println(best.snippet().toHtml());
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

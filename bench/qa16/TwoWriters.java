import java.nio.file.*;
import java.util.*;
import org.depeche.*;

/** Two DepecheIndex writers in one JVM, each indexing OrangeSum on its own thread. */
public class TwoWriters {
  public static void main(String[] a) throws Exception {
    Path base = Path.of(a[0]);
    int writers = Integer.parseInt(a[1]);
    Path src = Path.of("/work/shared/data/orangesum/orangesum.jsonl.gz");
    List<Thread> ts = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < writers; i++) {
      Path dir = base.resolve("w" + i);
      ts.add(Thread.ofPlatform().name("writer-" + i).start(() -> {
        try (DepecheIndex ix = DepecheIndex.openForWriting(dir)) {
          IndexingSummary s = ix.addFiles(List.of(src), IndexingListener.SILENT, 1);
          System.out.println(dir + ": " + s);
        }
      }));
    }
    for (Thread t : ts) t.join();
    System.out.printf("done in %.1f s, max heap %d MB%n", (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
  }
}

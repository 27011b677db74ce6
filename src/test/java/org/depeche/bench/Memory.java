package org.depeche.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The memory and CPU time a benchmark process needed: the peak of the heap still in use after a collection (the
 * live data, which does not depend on how lazily the collector runs) and the peak resident set
 * size the kernel saw.
 *
 * <p>Thread-safe.
 */
final class Memory {
  private final AtomicLong peakLiveHeap = new AtomicLong();
  private final AtomicLong peakAfterFull = new AtomicLong(-1);
  private final AtomicLong fullCollections = new AtomicLong();

  private Memory() {}

  /** Starts listening to the collections of this process. */
  static Memory watch() {
    Memory memory = new Memory();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
              .mapToLong(MemoryUsage::getUsed).sum();
          memory.peakLiveHeap.accumulateAndGet(used, Math::max);
          if (info.getGcAction().equals("end of major GC")) {
            memory.peakAfterFull.accumulateAndGet(used, Math::max);
            memory.fullCollections.incrementAndGet();
          }
        }
      }, null, null);
    }
    return memory;
  }

  /** The peak heap in use after a collection, in bytes: heap that had to be there. */
  long peakLiveHeap() {
    return Math.max(peakLiveHeap.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /**
   * The peak heap in use after a full collection, in bytes, or -1 if there was none: after a full
   * collection nothing dead is left, so this is the peak of the live data at those moments.
   */
  long peakAfterFullCollection() {
    return peakAfterFull.get();
  }

  /** The number of full collections so far. */
  long fullCollections() {
    return fullCollections.get();
  }

  /**
   * Forces a full collection every {@code seconds} from a daemon thread, so that {@link
   * #peakAfterFullCollection} samples the live data through a run (it slows the run: not for timed
   * runs).
   */
  static void sampleLiveHeap(double seconds) {
    Thread sampler = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep((long) (seconds * 1000));
          System.gc();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "live-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The CPU time this process has used so far, all threads, in seconds. */
  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /** The process's peak resident set size in bytes, from /proc/self/status (VmHWM). */
  static long peakResident() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }
}

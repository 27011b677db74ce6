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
        }
      }, null, null);
    }
    return memory;
  }

  /** The peak heap in use after a collection, in bytes: heap that had to be there. */
  long peakLiveHeap() {
    return Math.max(peakLiveHeap.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
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

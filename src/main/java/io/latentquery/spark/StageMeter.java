package io.latentquery.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times the stages of a job and their peak memory in this JVM (where a local master runs the
 * executors too): wall-clock seconds, the peak of the heap pools, and the peak resident set size
 * (Linux's VmHWM, reset before each stage through /proc/self/clear_refs where the kernel allows
 * it). A job given {@link #NONE} measures nothing.
 */
public class StageMeter {
  /** Measures nothing. */
  public static final StageMeter NONE =
      new StageMeter() {
        @Override
        public <T> T stage(String name, Supplier<T> work) {
          return work.get();
        }
      };

  /** Follows the name of a stage that threw. */
  public static final String STOPPED = " (stopped)";

  /** One stage measured. */
  public record Stage(String name, double seconds, long heapPeakBytes, long residentPeakBytes) {}

  private final List<Stage> stages = new ArrayList<>();

  /**
   * Runs {@code work} as stage {@code name} and records it; a stage that throws is recorded too,
   * named with {@link #STOPPED} after it, up to the moment it threw.
   */
  public <T> T stage(String name, Supplier<T> work) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    resetResidentPeak();
    long start = System.nanoTime();
    boolean completed = false;
    try {
      T result = work.get();
      completed = true;
      return result;
    } finally {
      double seconds = (System.nanoTime() - start) / 1e9;
      long heap = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          heap += pool.getPeakUsage().getUsed();
        }
      }
      stages.add(new Stage(completed ? name : name + STOPPED, seconds, heap, residentPeak()));
    }
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  private static void resetResidentPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | UnsupportedOperationException e) {
      // Not Linux, or not allowed: VmHWM then reports the peak since the JVM started.
    }
  }

  /** VmHWM in bytes, or -1 where /proc is missing. */
  static long residentPeak() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}

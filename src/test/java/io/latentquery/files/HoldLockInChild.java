package io.latentquery.files;

import java.nio.file.Path;

/** Run in a child JVM: locks the output in args[0], says "locked", and holds it until killed. */
public final class HoldLockInChild {
  private HoldLockInChild() {}

  public static void main(String[] args) throws Exception {
    try (OutputLock lock = OutputLock.acquire(Path.of(args[0]), System.err::println)) {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}

package io.latentquery.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionsTest {
  @Test
  void aBuildInAGitCheckoutRecordsItsCommitAndWhetherTrackedFilesWereChanged() {
    Map<String, String> versions = Versions.current();
    if (!Files.isDirectory(Path.of(".git")) && !Files.isRegularFile(Path.of(".git"))) {
      assertEquals("unknown", Versions.commit(), "outside a checkout no commit is claimed");
      return;
    }
    assertTrue(versions.get(Versions.GIT_COMMIT).matches("[0-9a-f]{40}"), versions.toString());
    assertTrue(
        versions.get(Versions.GIT_DIRTY).equals("true")
            || versions.get(Versions.GIT_DIRTY).equals("false"),
        versions.toString());
    assertEquals(versions.get(Versions.GIT_COMMIT), Versions.commit());
    assertTrue(versions.keySet().stream().noneMatch(k -> k.equals("git.describe")));
    assertTrue(versions.values().stream().noneMatch(v -> v.contains("${")), versions.toString());
  }
}

package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentquery.UsesTestData;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** lq label export, a person's work in Label Studio (simulated), lq label import, lq evaluate. */
@ExtendWith(UsesTestData.class)
class LabelCommandTest {
  @TempDir Path dir;

  @Test
  void aSelectionGoesToLabelStudioAndItsLabelsComeBackToTrainAClassifier() throws Exception {
    Path selection = dir.resolve("selection.csv");
    Files.writeString(selection, "rank,index,id\n1,5,5\n2,9,9\n3,0,0\n");
    Path export = dir.resolve("to-label");
    CliRun exported =
        CliRun.of(
            "label",
            "export",
            "--data",
            "mnist",
            "--limit",
            "50",
            "--selection",
            selection.toString(),
            "--out",
            export.toString(),
            "--document-root",
            dir.toString());
    assertEquals(0, exported.code(), exported.err());
    assertTrue(exported.out().contains("exported 3 images with 10 classes"), exported.out());
    JsonNode tasks = Json.readTree(export.resolve("tasks.json"));
    assertEquals(
        "/data/local-files/?d=to-label/images/0001-5.png", tasks.at("/0/data/image").asText());
    assertTrue(Files.isRegularFile(export.resolve("images/0001-5.png")));
    assertTrue(
        Files.readString(export.resolve("labeling-config.xml")).contains("<Choice value=\"9\"/>"));

    // What Label Studio's JSON export holds once a person has chosen a class for every task.
    List<String> chosen = List.of("2", "4", "7");
    ArrayNode annotated = Json.mapper().createArrayNode();
    for (int t = 0; t < tasks.size(); t++) {
      ObjectNode task = annotated.addObject();
      task.put("id", t + 1);
      task.set("data", tasks.get(t).get("data"));
      ObjectNode annotation = task.putArray("annotations").addObject();
      annotation.put("id", 100 + t);
      annotation.put("was_cancelled", false);
      ObjectNode result = annotation.putArray("result").addObject();
      result.put("from_name", "label");
      result.put("to_name", "image");
      result.put("type", "choices");
      result.putObject("value").putArray("choices").add(chosen.get(t));
    }
    Path fromLabelStudio = dir.resolve("project-1-at-2026-11-30.json");
    Files.writeString(fromLabelStudio, Json.toJson(annotated));
    Path labels = dir.resolve("labels.csv");
    CliRun imported =
        CliRun.of(
            "label",
            "import",
            fromLabelStudio.toString(),
            "--export",
            export.toString(),
            "--out",
            labels.toString());
    assertEquals(0, imported.code(), imported.err());
    assertEquals(List.of("id,label", "5,2", "9,4", "0,7"), Files.readAllLines(labels));

    CliRun evaluated =
        CliRun.of(
            "evaluate",
            "--data",
            "mnist",
            "--labels",
            labels.toString(),
            "--steps",
            "1",
            "--test-limit",
            "20",
            "--threads",
            "1");
    assertEquals(0, evaluated.code(), evaluated.err());

    ((ObjectNode) annotated.get(1).get("data")).put("pool_id", "77");
    Files.writeString(fromLabelStudio, Json.toJson(annotated));
    CliRun refused =
        CliRun.of(
            "label",
            "import",
            fromLabelStudio.toString(),
            "--export",
            export.toString(),
            "--out",
            labels.toString(),
            "--force");
    assertEquals(1, refused.code());
    assertEquals(
        "lq: " + fromLabelStudio + " task 2: pool id '77' is not among the exported images",
        refused.errorLine());
    assertEquals(List.of("id,label", "5,2", "9,4", "0,7"), Files.readAllLines(labels));
  }
}

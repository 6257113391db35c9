package io.latentquery.explore;

import io.latentquery.files.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The explorer as one HTML file that opens from disk with no server and no network: the points and
 * their data as embedded JSON, the thumbnails as one PNG data URI, and the script that draws and
 * edits (from the resource {@code explore.html}).
 */
public final class ExplorePage {
  static final String TEMPLATE = "explore.html";

  private ExplorePage() {}

  public static String html(ExploreData data, SpriteSheet sprite) {
    String json = Json.toJson(data).strip();
    // Inside <script> the JSON must not close the element: escape every '<' (ids are free text).
    json = json.replace("<", "\\u003c");
    String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(sprite.png());
    return template()
        .replace("__LQ_TITLE__", escape(data.title()))
        .replace("__LQ_SPRITE__", uri)
        .replace("__LQ_DATA__", json);
  }

  private static String template() {
    try (InputStream in = ExplorePage.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TEMPLATE + " beside ExplorePage");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

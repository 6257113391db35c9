package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LogConfigTest {
  @Test
  void theShippedLogConfigurationIsWellFormedAndQuietsSpark() throws Exception {
    // A malformed log4j2.xml (e.g. "--" inside a comment) makes Log4j fall back to errors only and
    // print a parser stack trace on every command.
    try (InputStream xml = LogConfigTest.class.getResourceAsStream("/log4j2.xml")) {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
      assertEquals("Configuration", document.getDocumentElement().getTagName());
    }
    assertEquals(Level.WARN, LogManager.getLogger("org.apache.spark.SparkContext").getLevel());
  }
}

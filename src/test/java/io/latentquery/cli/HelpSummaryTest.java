package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lq --help} and every group's help list each command with one whole sentence. */
class HelpSummaryTest {
  private static String help(CommandLine command) {
    StringWriter text = new StringWriter();
    command.usage(new PrintWriter(text, true));
    return text.toString();
  }

  private static List<CommandLine> groups(CommandLine command) {
    List<CommandLine> groups = new ArrayList<>();
    if (!command.getSubcommands().isEmpty()) {
      groups.add(command);
      for (CommandLine sub : command.getSubcommands().values()) {
        groups.addAll(groups(sub));
      }
    }
    return groups;
  }

  @Test
  void everyCommandIsListedWithOneSentenceOnOneLine() {
    List<CommandLine> groups = groups(Main.commandLine());
    assertTrue(groups.size() >= 4, "lq, data, experiment and bench list commands");
    int checked = 0;
    for (CommandLine group : groups) {
      List<String> lines = help(group).lines().toList();
      for (Map.Entry<String, CommandLine> entry : group.getSubcommands().entrySet()) {
        String name = entry.getKey();
        String where = group.getCommandName() + " --help, command " + name;
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("  " + name + " ")) {
            at = i;
          }
        }
        assertTrue(at >= 0, where + " is not listed:\n" + help(group));
        String summary = lines.get(at).substring(name.length() + 2).strip();
        assertTrue(summary.endsWith("."), where + ": '" + summary + "' is cut or has no '.'");
        assertFalse(
            summary.substring(0, summary.length() - 1).matches(".*[.;:] .*"),
            where + ": '" + summary + "' is more than one sentence");
        assertTrue(Character.isUpperCase(summary.charAt(0)), where + ": '" + summary + "'");
        boolean continued =
            at + 1 < lines.size()
                && lines.get(at + 1).startsWith("   ")
                && !lines.get(at + 1).isBlank();
        assertFalse(continued, where + " wraps onto a second line:\n" + help(group));
        String[] header = entry.getValue().getCommandSpec().usageMessage().header();
        assertEquals(1, header.length, where + " needs a one-line header");
        assertEquals(header[0], summary, where);
        checked++;
      }
    }
    assertTrue(checked >= 14, checked + " commands checked");
  }
}

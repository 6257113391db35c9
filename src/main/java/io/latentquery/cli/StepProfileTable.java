package io.latentquery.cli;

import io.latentquery.train.StepProfile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link StepProfile} as a table of op types by share of the step, optionally followed by
 * the slowest nodes, and as JSON.
 */
final class StepProfileTable {
  private static final int TOP = 15;

  private final StepProfile profile;
  private final int nodes;

  /** Prints op types, then the {@code nodes} slowest nodes (none for 0). */
  StepProfileTable(StepProfile profile, int nodes) {
    this.profile = profile;
    this.nodes = nodes;
  }

  void print(PrintWriter out) {
    int steps = profile.steps();
    out.println(
        String.format(
            Locale.ROOT,
            "profile: %d traced step(s), %.1f ms per traced step (wall time of Session.run; tracing"
                + " slows a step), %.1f%% in ops, %.1f%% outside ops",
            steps,
            profile.wallMicros() / steps / 1e3,
            100 * profile.share(profile.busyMicros()),
            100 * profile.share(profile.outsideMicros())));
    out.println("   share   ms/step  nodes  op type");
    List<StepProfile.OpTime> ops = profile.ops();
    double rest = 0;
    int restTypes = 0;
    for (int i = 0; i < ops.size(); i++) {
      StepProfile.OpTime op = ops.get(i);
      if (i < TOP) {
        row(out, op.micros(), Integer.toString(op.nodes()), op.type());
      } else {
        rest += op.micros();
        restTypes++;
      }
    }
    if (restTypes > 0) {
      row(out, rest, "", "(" + restTypes + " other op types)");
    }
    row(out, profile.outsideMicros(), "", "(outside ops: feed, fetch, scheduling)");
    double overlap = profile.opMicros() - profile.busyMicros();
    out.println(
        String.format(
            Locale.ROOT,
            "shares sum to %.1f%% of the step (ops running at the same time: %.1f%%)",
            100 * profile.share(profile.opMicros() + profile.outsideMicros()),
            100 * profile.share(overlap)));
    if (nodes > 0) {
      out.println("slowest nodes:");
      out.println("   share   ms/step         node (op type)");
      for (StepProfile.NodeTime node : slowest()) {
        row(out, node.micros(), "", node.name() + " (" + node.type() + ")");
      }
    }
  }

  private List<StepProfile.NodeTime> slowest() {
    return profile.nodes().subList(0, Math.min(nodes, profile.nodes().size()));
  }

  private void row(PrintWriter out, double micros, String nodeCount, String label) {
    out.println(
        String.format(
            Locale.ROOT,
            "  %5.1f%%  %8.2f  %5s  %s",
            100 * profile.share(micros),
            micros / profile.steps() / 1e3,
            nodeCount,
            label));
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("traced_steps", profile.steps());
    json.put("wall_ms_per_step", profile.wallMicros() / profile.steps() / 1e3);
    json.put("share_in_ops", profile.share(profile.busyMicros()));
    json.put("share_outside_ops", profile.share(profile.outsideMicros()));
    List<Map<String, Object>> ops = new ArrayList<>();
    for (StepProfile.OpTime op : profile.ops()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("type", op.type());
      row.put("nodes", op.nodes());
      ops.add(withTime(row, op.micros()));
    }
    json.put("ops", ops);
    if (nodes > 0) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (StepProfile.NodeTime node : slowest()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", node.name());
        row.put("type", node.type());
        rows.add(withTime(row, node.micros()));
      }
      json.put("slowest_nodes", rows);
    }
    return json;
  }

  /** Adds a row's time per traced step and its share of the step. */
  private Map<String, Object> withTime(Map<String, Object> row, double micros) {
    row.put("ms_per_step", micros / profile.steps() / 1e3);
    row.put("share", profile.share(micros));
    return row;
  }
}

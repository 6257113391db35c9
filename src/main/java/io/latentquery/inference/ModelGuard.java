package io.latentquery.inference;

import io.latentquery.InputException;
import io.latentquery.contract.SavedModelContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * Refuses a SavedModel whose graph could touch files or the system before TensorFlow runs any of
 * it. A SavedModel is a program: besides arithmetic its graph may hold ops that read, write or list
 * files, print to a file or run other code. Only ops on an allow-list of pure numeric and
 * variable-reading ops pass; the checkpoint ops that every SavedModel carries pass only inside the
 * saver's own scope, which the loader runs to restore the variables.
 */
public final class ModelGuard {
  /** Pure numeric ops: the ops our exports use and the usual layers of other frameworks. */
  static final Set<String> NUMERIC_OPS =
      Set.of(
          // graph plumbing and variables
          "Const",
          "Placeholder",
          "PlaceholderWithDefault",
          "Identity",
          "IdentityN",
          "NoOp",
          "StopGradient",
          "PreventGradient",
          "Snapshot",
          "VarHandleOp",
          "ReadVariableOp",
          "VariableV2",
          "Variable",
          "VarIsInitializedOp",
          "IsVariableInitialized",
          "Assign",
          "AssignVariableOp",
          "PartitionedCall",
          "StatefulPartitionedCall",
          // dense and convolution layers
          "MatMul",
          "BatchMatMul",
          "BatchMatMulV2",
          "BatchMatMulV3",
          "Einsum",
          "Conv2D",
          "Conv2DBackpropInput",
          "Conv3D",
          "Conv3DBackpropInputV2",
          "DepthwiseConv2dNative",
          "BiasAdd",
          "MaxPool",
          "MaxPoolV2",
          "AvgPool",
          "MaxPool3D",
          "AvgPool3D",
          "FusedBatchNorm",
          "FusedBatchNormV2",
          "FusedBatchNormV3",
          "LRN",
          // activations
          "Relu",
          "Relu6",
          "LeakyRelu",
          "Elu",
          "Selu",
          "Softplus",
          "Softsign",
          "Sigmoid",
          "Tanh",
          "Softmax",
          "LogSoftmax",
          "Erf",
          // arithmetic
          "Add",
          "AddV2",
          "AddN",
          "Sub",
          "Mul",
          "Div",
          "RealDiv",
          "DivNoNan",
          "FloorDiv",
          "FloorMod",
          "Maximum",
          "Minimum",
          "Neg",
          "Abs",
          "Square",
          "SquaredDifference",
          "Sqrt",
          "Rsqrt",
          "Reciprocal",
          "Exp",
          "Log",
          "Log1p",
          "Pow",
          "Sign",
          "Floor",
          "Ceil",
          "Round",
          "ClipByValue",
          "Cast",
          "Greater",
          "GreaterEqual",
          "Less",
          "LessEqual",
          "Equal",
          "NotEqual",
          "LogicalAnd",
          "LogicalOr",
          "LogicalNot",
          "Select",
          "SelectV2",
          // reductions
          "Mean",
          "Sum",
          "Max",
          "Min",
          "Prod",
          "ArgMax",
          "ArgMin",
          "Cumsum",
          "L2Loss",
          // shapes and indexing
          "Reshape",
          "Squeeze",
          "ExpandDims",
          "ConcatV2",
          "Concat",
          "Pack",
          "Unpack",
          "Split",
          "SplitV",
          "Slice",
          "StridedSlice",
          "Transpose",
          "Shape",
          "ShapeN",
          "Size",
          "Rank",
          "Fill",
          "ZerosLike",
          "OnesLike",
          "Tile",
          "Pad",
          "PadV2",
          "MirrorPad",
          "Range",
          "BroadcastTo",
          "BroadcastArgs",
          "GatherV2",
          "Gather",
          "OneHot",
          "ResizeBilinear",
          "ResizeNearestNeighbor",
          // random draws (sampling latent heads, dropout)
          "RandomUniform",
          "RandomStandardNormal",
          "TruncatedNormal",
          "StatelessRandomUniformV2",
          "StatelessRandomNormalV2");

  /** The checkpoint ops the loader runs inside the saver's scope to restore variables. */
  static final Set<String> SAVER_OPS =
      Set.of(
          "SaveV2",
          "RestoreV2",
          "MergeV2Checkpoints",
          "ShardedFilename",
          "StringJoin",
          "StaticRegexFullMatch");

  private ModelGuard() {}

  /**
   * Checks the {@code serve} graph of the SavedModel in {@code folder}.
   *
   * @throws InputException naming the refused ops and the folder, and how to run it anyway
   */
  public static void check(Path folder) {
    Set<String> refused = refusedOps(folder);
    if (!refused.isEmpty()) {
      throw new InputException(
          "SavedModel "
              + folder
              + " runs ops that can reach files or the system: "
              + String.join(", ", refused)
              + " (give --trust-model to run it anyway)");
    }
  }

  /** The ops of the {@code serve} graph of {@code folder} that are not allowed, sorted. */
  public static Set<String> refusedOps(Path folder) {
    Set<String> refused = new TreeSet<>();
    for (MetaGraphDef meta : read(folder).getMetaGraphsList()) {
      if (!meta.getMetaInfoDef().getTagsList().contains(SavedModelContract.TAG)) {
        continue;
      }
      String saverScope = saverScope(meta);
      Set<String> functions = new TreeSet<>();
      for (FunctionDef function : meta.getGraphDef().getLibrary().getFunctionList()) {
        functions.add(function.getSignature().getName());
      }
      for (NodeDef node : meta.getGraphDef().getNodeList()) {
        boolean inSaver = saverScope != null && node.getName().startsWith(saverScope);
        refuse(node, inSaver, functions, refused);
      }
      for (FunctionDef function : meta.getGraphDef().getLibrary().getFunctionList()) {
        for (NodeDef node : function.getNodeDefList()) {
          refuse(node, false, functions, refused);
        }
      }
    }
    return refused;
  }

  private static void refuse(
      NodeDef node, boolean inSaver, Set<String> functions, Set<String> refused) {
    String op = node.getOp();
    boolean allowed =
        NUMERIC_OPS.contains(op) || functions.contains(op) || (inSaver && SAVER_OPS.contains(op));
    if (!allowed) {
      refused.add(op);
    }
  }

  /** The name scope of the saver the loader runs ("save/"), or null when there is none. */
  private static String saverScope(MetaGraphDef meta) {
    if (!meta.hasSaverDef()) {
      return null;
    }
    String restore = meta.getSaverDef().getRestoreOpName();
    int slash = restore.indexOf('/');
    return slash <= 0 ? null : restore.substring(0, slash + 1);
  }

  private static SavedModel read(Path folder) {
    Path binary = folder.resolve("saved_model.pb");
    try {
      if (Files.isRegularFile(binary)) {
        return SavedModel.parseFrom(Files.readAllBytes(binary));
      }
      SavedModel.Builder text = SavedModel.newBuilder();
      com.google.protobuf.TextFormat.merge(
          Files.readString(folder.resolve("saved_model.pbtxt"), StandardCharsets.UTF_8), text);
      return text.build();
    } catch (IOException e) {
      throw new InputException(
          "cannot read SavedModel " + folder + ": " + LoadedModel.firstLine(e), e);
    }
  }
}

package dev.nbo.training.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.util.List;

/**
 * Assembles one ONNX graph with a batch dimension and wraps it into a model with NBO's metadata. The opsets are
 * fixed here so that both exporters target the same ONNX Runtime features: default domain 17 and {@code ai.onnx.ml}
 * 3 (the last one whose {@code TreeEnsembleRegressor} is not deprecated), both supported by ONNX Runtime 1.23, in
 * an IR version 8 file.
 */
final class OnnxModelBuilder {
    static final long IR_VERSION = 8;
    static final long DEFAULT_OPSET = 17;
    static final String ML_DOMAIN = "ai.onnx.ml";
    static final long ML_OPSET = 3;
    /** A dimension marker for the batch size, named {@value #BATCH_NAME} in the graph. */
    static final long BATCH = -1;

    private static final String BATCH_NAME = "N";

    private final GraphProto.Builder graph;

    OnnxModelBuilder(String graphName) {
        this.graph = GraphProto.newBuilder().setName(graphName);
    }

    /** Declares a graph input of element type {@code type} (a {@link TensorProto.DataType}). */
    void input(String name, TensorProto.DataType type, long... dims) {
        graph.addInput(valueInfo(name, type, dims));
    }

    void output(String name, TensorProto.DataType type, long... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    /** Adds a float constant of the given shape; returns its name for use as a node input. */
    String floatInitializer(String name, float[] values, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        for (float value : values) {
            tensor.addFloatData(value);
        }
        graph.addInitializer(tensor);
        return name;
    }

    String longInitializer(String name, long[] values, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        for (long value : values) {
            tensor.addInt64Data(value);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** Adds a node of the default domain whose single output is named {@code output}; returns that name. */
    String node(String opType, List<String> inputs, String output, AttributeProto... attributes) {
        return node("", opType, inputs, output, attributes);
    }

    String node(String domain, String opType, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setDomain(domain).setName(output)
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return output;
    }

    ModelProto build(OnnxModelMetadata metadata, String docString) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(OnnxModelMetadata.PRODUCER)
                .setDocString(docString)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(DEFAULT_OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
                .setGraph(graph);
        metadata.properties().forEach((key, value) ->
                model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build();
    }

    static AttributeProto attribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    static AttributeProto attribute(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto intsAttribute(String name, List<Long> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS).addAllInts(values).build();
    }

    static AttributeProto floatsAttribute(String name, List<Float> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS).addAllFloats(values).build();
    }

    static AttributeProto stringsAttribute(String name, List<String> values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.STRINGS);
        values.forEach(value -> attribute.addStrings(ByteString.copyFromUtf8(value)));
        return attribute.build();
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : dims) {
            shape.addDim(dim == BATCH
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH_NAME)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}

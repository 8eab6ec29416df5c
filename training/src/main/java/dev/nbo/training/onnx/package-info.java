/**
 * ONNX export of the trained models, so that serving scores them with ONNX Runtime and no Tribuo: the XGBoost
 * propensity model ({@link dev.nbo.training.onnx.TreeEnsembleOnnxExporter}) and the k-means segments
 * ({@link dev.nbo.training.onnx.KMeansOnnxExporter}), each carrying {@link dev.nbo.training.onnx.OnnxModelMetadata}.
 * Both read one float matrix whose columns are the model's features in feature-id order, NaN meaning missing
 * ({@link dev.nbo.training.onnx.FeatureMatrix}). {@link dev.nbo.training.onnx.OnnxParity} proves, before a model is
 * registered, that ONNX Runtime scores it like Tribuo; {@code docs/adr/0004-tree-ensemble-onnx-export.md} says how.
 */
package dev.nbo.training.onnx;

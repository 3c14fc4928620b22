export * from './datasets/dataset.types';
export { loadCifar10, loadCifar10Split, type LoadCifar10Options, type Cifar10LoadEvent } from './datasets/cifar10.loader';
export { loadMnist, loadMnistSplit, type LoadMnistOptions } from './datasets/mnist.loader';
export { rgbToGray28 } from './datasets/gray28.transform';
export { initBackend, activeBackend, skippedBackends, type TSkippedBackend } from './backend/backend.select';
export { buildModel, type TModelConfig } from './models/model.build';
export { buildLenet5, LENET5_LAYER_NAMES, LENET5_INPUT_SHAPE } from './models/lenet5.model';
export { buildRecurrentModel, recurrentLayerNames, RECURRENT_INPUT_SHAPE, type TRecurrentModelConfig } from './models/recurrent.model';
export { createOptimizer } from './models/optimizer.factory';
export { train } from './training/train';
export type { TrainCallbacks, TrainData, TrainOptions, TrainProgress, TrainResult } from './training/train.types';
export type { TTrainCheckpoint, TCheckpointTensor } from './training/checkpoint.types';
export { encodeCheckpoint, decodeCheckpoint, type TCheckpointManifest } from './training/checkpoint.codec';
export {
  trainRun,
  type TrainRunCallbacks,
  type TrainRunDurability,
  loadRunData,
  loadRunProbe,
  runDataset,
  runTestSet,
  type TrainRunEnv,
} from './run/train-run';
export { runImagesOf, type TRunDataChoice, type TRunImages } from './run/run-images.select';
export { type TTrainThreads, MIN_PARALLEL_BATCH } from './run/train-threads.plan';
export { clipByGlobalNorm, globalNorm } from './training/grad-clip.op';
export { computeChannelStats, type ChannelStats } from './core/channel-stats.compute';
export { mulberry32 } from './core/seeded.rng';
export { summarizeTensor, type TensorSummary, type SummaryHistogram, type SummaryOptions } from './inspect/tensor-summary.compute';
export { percentilesFromHistogram } from './inspect/percentiles.interpolate';
export { probeIndices, selectProbe } from './inspect/probe.select';
export { snapshotBytes, type TWeightSnapshot, type TSnapshotTensorData } from './inspect/snapshot.types';
export { takeSnapshot } from './inspect/snapshot.take';
export { loadSnapshot } from './inspect/snapshot.load';
export { activationOf, type Activation } from './inspect/activation.compute';
export {
  renderFilterGrid,
  filterGridLayout,
  type FilterGridOptions,
  type FilterGridLayout,
  type KernelValues,
} from './inspect/filter-grid.render';
export { renderFeatureMaps, featureMapsLayout, type FeatureMapValues } from './inspect/feature-maps.render';
export { GRID_BACKGROUND } from './inspect/rgb-image.canvas';
export type { TileGrid } from './inspect/tile-grid.layout';
export {
  renderRunFeatureMaps,
  renderLayerFeatureMaps,
  probeRunLayer,
  probeLayer,
  loadStoredModel,
  type LoadedModel,
  MAX_IMAGE_PIXELS,
  MAX_PROBE_VALUES,
  type StoredModel,
  type TLayerProbe,
} from './run/feature-maps.run';
export { InspectInputError } from './inspect/inspect-input.error';
export type { TVisualImage, TPlane, TGridPosition, TPixelBox } from './visualize/visual.types';
export { datasetImage } from './visualize/dataset-image.select';
export { deconvProject, type DeconvOptions, type TDeconvProjection } from './visualize/deconv.project';
export { topActivations, type TopActivationsOptions, type TTopActivation, type TTopActivations } from './visualize/top-activations.compute';
export { occlusionMap, occluderBox, type OcclusionOptions, type TOcclusionMap, type TOcclusionRecord } from './visualize/occlusion.map';
export { saliencyMap, guidedBackprop, type TGradientMap } from './visualize/saliency.map';
export { gradCam, type TGradCam } from './visualize/grad-cam.map';
export { type TRgbaImage, rgbaToPng } from './visualize/rgba-image.png';
export { projectionRgba, maxAbs } from './visualize/projection.render';
export { datasetImageRgba, cropRgba, inputPatch } from './visualize/image-patch.crop';
export { colormap, COLORMAPS, type TColormapName } from './visualize/colormap.lut';
export { heatmapRgba, overlayHeatmap, cellsToPixels, type HeatmapOptions } from './visualize/heatmap.render';
export { labelMapRgba, CLASS_PALETTE } from './visualize/label-map.render';
export { tileRgba } from './visualize/tile-grid.render';
export { computeVisualization, type TVisualizationOutput } from './run/visualize.run';
export { computeEvaluation, type TEvaluationParams } from './run/evaluate.run';
export { pca, type TPca } from './evaluate/pca.compute';
export { buildNetwork } from './models/network.build';
export { UploadError } from './datasets/upload/upload.error';
export { decodeIdxUpload, type TIdxFiles } from './datasets/upload/idx-upload.decode';
export { decodeCsvUpload } from './datasets/upload/csv-upload.decode';
export { decodeImageFolderZip } from './datasets/upload/image-folder-zip.decode';
export type { TDecodedUpload } from './datasets/upload/upload.types';
export { decodeUpload, type TUploadOptions } from './datasets/upload/upload.decode';
export { loadUploadedDataset, uploadChecksum, uploadDir, UPLOAD_MANIFEST } from './datasets/upload/uploaded-dataset.loader';
export { writeFileAtomic } from './datasets/atomic.write';
export { renderClassSamples } from './datasets/class-samples.render';

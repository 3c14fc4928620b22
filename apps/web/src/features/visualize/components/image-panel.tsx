'use client';

import type { TClassNames, TImageResult, TVisualization } from '@tensorscope/shared';
import { visualizationImageUrl } from '../lib/visualize.api';
import { classLabel } from '../lib/class-labels';
import { imagePanels, predictionSummary, predictionText, valueRange } from '../lib/visualization-images';
import { computeAction, findVisualization } from '../lib/visualization-match';
import type { TVerdict } from '../../../lib/permissions';
import { imageParams } from '../lib/visualize-params';
import { ClassLegend } from './class-legend';
import { PermissionNote } from '../../../components/permission-note';
import { GuardedButton } from '../../../components/guarded-button';
import { PixelImage } from './pixel-image';
import { formatFixed } from '../../../lib/format';
import { LabelledBars } from '../../../components/labelled-bars';
import { CreateError, VisualizationStatus } from './visualization-status';

/** What the image panel shows: one test image, seen through one conv layer of one snapshot. */
export interface TImageSelection {
  step: number;
  layer: string;
  image: number;
  /** Unset: the map with the strongest activation on the image. */
  featureMap: number | undefined;
}

const range = (values: readonly number[], digits: number) => {
  const r = valueRange(values);
  return r ? `${r.min.toFixed(digits)} … ${r.max.toFixed(digits)}` : null;
};

/**
 * Everything about one test image (Zeiler & Fergus fig. 7 and the gradient methods after it):
 * the input, the chosen map's deconv projection and patch, the occlusion maps, saliency, guided
 * backprop and Grad-CAM, as a row of captioned panels, with the prediction above them.
 */
export function ImagePanel({
  selection,
  items,
  classes,
  panelSize,
  createError,
  creating,
  mayCompute,
  onCompute,
}: {
  selection: TImageSelection;
  items: readonly TVisualization[];
  classes: TClassNames;
  /** Box side of every panel, CSS px (the input side × a zoom). */
  panelSize: number;
  createError: unknown;
  creating: boolean;
  /** Whether this user may ask for the analysis (viewers see only what was computed). */
  mayCompute: TVerdict;
  onCompute: (recompute: boolean) => void;
}) {
  const match = findVisualization(items, selection.step, imageParams(selection.layer, selection.image, selection.featureMap));
  const action = computeAction(match);
  const shown = match.completed;
  const stored = shown?.result;
  const result = stored?.kind === 'image' ? stored : undefined;

  return (
    <div className="image-panel" data-testid="image-panel" data-image={selection.image}>
      <div className="image-panel-head">
        <span>
          Test image <strong>#{selection.image.toLocaleString('en-US')}</strong> · {selection.layer} ·{' '}
          {selection.featureMap === undefined ? 'strongest map' : `map ${selection.featureMap}`} · step{' '}
          {selection.step.toLocaleString('en-US')}
        </span>
        {action !== 'busy' && !creating && (match.latest || createError !== null) && (
          <span className="cancel">
            <PermissionNote verdict={mayCompute} />
            <GuardedButton
              verdict={mayCompute}
              testId="image-recompute"
              onClick={() => onCompute(action === 'recompute' || match.latest?.status === 'failed')}
            >
              {action === 'recompute' ? 'Recompute' : 'Retry'}
            </GuardedButton>
          </span>
        )}
      </div>
      <CreateError error={createError} />
      <VisualizationStatus
        viz={match.latest}
        testId="image-progress"
        what="image analysis"
        doing="occluding, projecting and back-propagating…"
      />
      {!match.latest && creating && <p className="muted">Asking the API…</p>}
      {!match.latest && !creating && !mayCompute.ok && mayCompute.reason && (
        <p className="muted" data-testid="image-not-computed">
          Not computed yet for this image, and {mayCompute.reason}.
        </p>
      )}
      {shown && result && <ImageFigures vizId={shown.id} result={result} classes={classes} panelSize={panelSize} />}
    </div>
  );
}

function ImageFigures({
  vizId,
  result,
  classes,
  panelSize,
}: {
  vizId: string;
  result: TImageResult;
  classes: TClassNames;
  panelSize: number;
}) {
  const prediction = predictionSummary(result, classes);
  const panels = imagePanels(result, classes);
  // The numbers behind the heat-maps: their colours are scaled per map, so the range says what red means.
  const notes: Record<string, string | null> = {
    'occlusion-probability': range(result.occlusion.trueClassProbability, 3),
    'occlusion-activation': range(result.occlusion.featureActivation, 2),
  };
  return (
    <>
      <p className={`image-prediction${prediction.correct ? '' : ' image-prediction--wrong'}`} data-testid="image-prediction">
        {predictionText(prediction)}
      </p>
      <div className="panel-row">
        {panels.map((panel) => (
          <figure key={panel.name} className="panel-figure">
            <PixelImage
              testId={panel.testId}
              src={visualizationImageUrl(vizId, panel.name)}
              alt={`${panel.title} of test image #${result.image}`}
              size={panelSize}
              lazy={false}
            />
            <figcaption className="small">
              <strong>{panel.title}</strong>
              <br />
              <span className="muted">{panel.note}</span>
              {notes[panel.name] && (
                <>
                  <br />
                  <span className="muted mono">{notes[panel.name]}</span>
                </>
              )}
            </figcaption>
          </figure>
        ))}
      </div>
      {result.images.includes('occlusion-label') && <ClassLegend classes={classes} labels={result.occlusion.predictedLabel} />}
      <ProbabilityBars result={result} classes={classes} />
      <p className="muted small">
        Occluder {result.occlusion.size}×{result.occlusion.size} px every {result.occlusion.stride} px ({result.occlusion.rows}×
        {result.occlusion.cols} positions) · computed in {result.seconds.toFixed(1)} s
      </p>
    </>
  );
}

/** The unoccluded softmax, one bar per class: how sure the net is, and of what else. */
function ProbabilityBars({ result, classes }: { result: TImageResult; classes: TClassNames }) {
  return (
    <LabelledBars
      ariaLabel="Class probabilities"
      domain={[0, 1]}
      format={(p) => `${formatFixed(p * 100, 1)} %`}
      bars={result.probabilities.map((p, label) => ({ label: classLabel(classes, label), value: p, strong: label === result.label }))}
    />
  );
}

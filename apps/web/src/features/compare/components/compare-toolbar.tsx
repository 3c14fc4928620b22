'use client';

import type { TSmoother } from '@tensorscope/shared';
import { SMOOTHERS } from '@tensorscope/shared';
import type { TCompareUpdate } from '../hooks/use-compare-state';
import { Y_SCALES, type TCompareState } from '../lib/compare-url';
import { XAxisPicker } from '../../../components/x-axis-picker';
import { SmoothingSlider } from '../../../components/smoothing-slider';
import { Picker } from '../../../components/picker';
import { CHART_SIZES, type TChartSize } from '../../../lib/chart-size';

const SMOOTHER_LABELS: Record<TSmoother, string> = {
  ema: 'EMA (TensorBoard)',
  twema: 'Time-weighted EMA',
  sma: 'Centred mean',
};
const SMOOTHER_TITLES: Record<TSmoother, string> = {
  ema: "TensorBoard's debiased exponential moving average over points",
  twema: 'Exponential moving average weighted by the step distance between points',
  sma: 'Mean of a window centred on each point',
};

export function CompareToolbar({
  state,
  update,
  exportLinks,
  chartSize,
  onChartSize,
}: {
  state: TCompareState;
  chartSize: TChartSize;
  onChartSize: (size: TChartSize) => void;
  update: TCompareUpdate;
  /** Download links, or null until known (they need the API's address, known in the browser only). */
  exportLinks: { csv: string; tensorboardCsv: string; json: string } | null;
}) {
  return (
    <div className="card compare-toolbar" role="toolbar" aria-label="Chart settings">
      {/* No delay: the charts smooth what they hold at once; the request waits (use-compare-model). */}
      <SmoothingSlider value={state.smoothing} onChange={(smoothing) => update({ smoothing })} delayMs={0} />
      <Picker
        label="Smoother"
        className="compare-control"
        options={SMOOTHERS}
        value={state.smoother}
        onChange={(smoother) => update({ smoother })}
        title={SMOOTHER_TITLES[state.smoother]}
        optionTitle={(smoother) => SMOOTHER_TITLES[smoother]}
        optionLabel={(smoother) => SMOOTHER_LABELS[smoother]}
        testId="smoother-select"
      />
      {/* A new axis is a new view: it gets its own history entry (Back returns to the old one). */}
      <XAxisPicker testId="x-axis-select" value={state.x} onChange={(x) => update({ x }, 'push')} />
      <Picker
        label="Y axis"
        className="compare-control"
        testId="y-scale-select"
        options={Y_SCALES}
        value={state.y}
        onChange={(y) => update({ y }, 'push')}
      />
      <label className="compare-control" title="Fit the y axis to the 5th–95th percentile of the visible values">
        <input
          type="checkbox"
          checked={state.ignoreOutliers}
          onChange={(e) => update({ ignoreOutliers: e.target.checked })}
          data-testid="ignore-outliers"
        />
        <span>Ignore outliers</span>
      </label>
      <Picker
        label="Size"
        className="compare-control"
        testId="compare-chart-size"
        options={CHART_SIZES}
        value={chartSize}
        onChange={onChartSize}
      />
      <button
        type="button"
        className="button"
        disabled={!state.zoom}
        onClick={() => update({ zoom: null })}
        title="Drag across a chart to zoom; double-click a chart to reset"
        data-testid="compare-reset-zoom"
      >
        Reset zoom
      </button>
      <span className="compare-toolbar-spacer" />
      <span className="compare-control">
        <span>Export</span>
        {exportLinks ? (
          <>
            <a
              className="button"
              href={exportLinks.csv}
              download
              data-testid="compare-export-csv"
              title="One row per point: run_id,run_name,tag,wall_time,step,value"
            >
              CSV
            </a>
            <a
              className="button"
              href={exportLinks.tensorboardCsv}
              download
              data-testid="compare-export-csv-tensorboard"
              title="TensorBoard's column names: Run id,Run,Tag,Wall time,Step,Value"
            >
              CSV (TensorBoard)
            </a>
            <a className="button" href={exportLinks.json} download data-testid="compare-export-json">
              JSON
            </a>
          </>
        ) : (
          <span className="muted">…</span>
        )}
      </span>
    </div>
  );
}

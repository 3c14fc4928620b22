'use client';

import type { TScalarPoint, TWeightStat } from '@tensorscope/shared';
import { activationTag } from '@tensorscope/shared';
import { useMemo, useState } from 'react';
import { useScalarSeriesList } from '../hooks/use-layer-queries';
import { paramKey, paramTag, resolveParamChoice, type TLayerIndex, type TParamKind } from '../lib/layer-tags';
import { ApiErrorState } from '../../../components/api-error-state';
import type { ChartSeries } from '../../../components/metric-chart';
import { StatChart } from './stat-chart';
import { Picker } from '../../../components/picker';
import { CardSection } from '../../../components/card-section';

/** The two statistics of a parameter, each in its colour. */
const PARAM_SOURCES = [
  {
    kind: 'weights',
    title: 'Weights',
    color: '#2563eb',
    none: 'No weight statistics logged for this parameter.',
    statsOf: (index: TLayerIndex) => index.weightStats,
  },
  {
    kind: 'gradients',
    title: 'Gradients',
    color: '#c2410c',
    none: 'No gradient statistics logged for this parameter.',
    statsOf: (index: TLayerIndex) => index.gradientStats,
  },
] as const;

/** One colour per layer in the activation overlays, in network order. */
const LAYER_COLORS = ['#2563eb', '#0891b2', '#16a34a', '#ca8a04', '#ea580c', '#dc2626', '#9333ea', '#db2777'];
const STAT_TITLES: Record<string, string> = { zeros: 'zeros (dead fraction)' };

/** Statistics of the chosen parameter (weights and gradients) and of every layer's activations. */
export function LayerStatsSection({ runId, index }: { runId: string; index: TLayerIndex }) {
  const [wanted, setWanted] = useState<{ layer?: string; param?: TParamKind }>({});
  const choice = resolveParamChoice(index.paramLayers, wanted);
  const params = index.paramLayers.find((l) => l.layer === choice?.layer)?.params ?? [];
  const syncKey = `layer-stats-${runId}`;

  const pickers = choice && (
    <>
      <Picker
        label="Layer"
        testId="layer-picker"
        options={index.paramLayers.map((l) => l.layer)}
        value={choice.layer}
        onChange={(layer) => setWanted({ layer, param: choice.param })}
      />
      <Picker
        label="Param"
        testId="param-picker"
        options={params}
        value={choice.param}
        onChange={(param) => setWanted({ layer: choice.layer, param })}
      />
    </>
  );

  return (
    <CardSection title="Statistics" testId="layer-stats" pickers={pickers}>
      {choice ? (
        PARAM_SOURCES.map(({ kind, title, color, none, statsOf }) => (
          <ParamStats
            key={kind}
            runId={runId}
            title={`${title} · ${choice.layer}/${choice.param}`}
            stats={statsOf(index).get(paramKey(choice.layer, choice.param)) ?? []}
            tagOf={(stat) => paramTag(kind, choice.layer, choice.param, stat)}
            color={color}
            syncKey={syncKey}
            none={none}
          />
        ))
      ) : (
        <p className="muted">No weight or gradient statistics logged yet.</p>
      )}
      <ActivationStats runId={runId} index={index} syncKey={syncKey} />
    </CardSection>
  );
}

function ParamStats(props: {
  runId: string;
  title: string;
  stats: TWeightStat[];
  tagOf: (stat: TWeightStat) => string;
  color: string;
  syncKey: string;
  none: string;
}) {
  const { runId, title, stats, tagOf, color, syncKey, none } = props;
  const tags = stats.map(tagOf);
  const { points, failed } = useScalarSeriesList(runId, tags);
  return (
    <div className="stat-group">
      <h3 className="stat-group-title">{title}</h3>
      {failed && <ApiErrorState error={failed.error} onRetry={() => void failed.refetch()} what="statistics" />}
      {stats.length === 0 ? (
        <p className="muted small">{none}</p>
      ) : (
        <div className="small-multiples">
          {stats.map((stat, i) => (
            <SingleStat key={tags[i]} title={stat} tag={tags[i]!} points={points[i]!} color={color} syncKey={syncKey} />
          ))}
        </div>
      )}
    </div>
  );
}

function SingleStat(props: { title: string; tag: string; points: readonly TScalarPoint[]; color: string; syncKey: string }) {
  const { title, tag, points, color, syncKey } = props;
  // A new series array only when the points changed, so the chart redraws only then.
  const series = useMemo<ChartSeries[]>(() => [{ label: title, color, points }], [title, color, points]);
  return <StatChart title={title} tag={tag} series={series} syncKey={syncKey} />;
}

/** One chart per activation statistic, one line per layer: dead units and scale drift compare at a glance. */
function ActivationStats({ runId, index, syncKey }: { runId: string; index: TLayerIndex; syncKey: string }) {
  const { activationLayers, activationStats } = index;
  const pairs = useMemo(
    () => activationStats.flatMap((stat) => activationLayers.filter((l) => l.stats.includes(stat)).map((l) => ({ stat, layer: l.layer }))),
    [activationLayers, activationStats],
  );
  const { points, failed } = useScalarSeriesList(
    runId,
    pairs.map((p) => activationTag(p.layer, p.stat)),
  );
  // Rebuilt only when some series changed, so the charts redraw only then.
  const charts = useMemo(() => {
    const colorOf = (layer: string) => LAYER_COLORS[activationLayers.findIndex((l) => l.layer === layer) % LAYER_COLORS.length]!;
    return activationStats.map((stat) => ({
      stat,
      series: pairs.flatMap((p, i): ChartSeries[] =>
        p.stat === stat ? [{ label: p.layer, color: colorOf(p.layer), points: points[i] ?? [] }] : [],
      ),
    }));
  }, [pairs, points, activationLayers, activationStats]);

  return (
    <div className="stat-group">
      <h3 className="stat-group-title">Activations · on the probe images</h3>
      {failed && <ApiErrorState error={failed.error} onRetry={() => void failed.refetch()} what="statistics" />}
      {charts.length === 0 ? (
        <p className="muted small">No activation statistics logged.</p>
      ) : (
        <div className="small-multiples">
          {charts.map(({ stat, series }) => (
            <StatChart key={stat} title={STAT_TITLES[stat] ?? stat} series={series} syncKey={syncKey} fraction={stat === 'zeros'} />
          ))}
        </div>
      )}
    </div>
  );
}

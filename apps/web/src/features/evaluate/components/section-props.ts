import type { TClassNames, TVisualization } from '@tensorscope/shared';

/** What every section of the Evaluate tab works from: the run's job list and the snapshot shown. */
export interface TEvaluateSectionProps {
  runId: string;
  /** The run's snapshot jobs (useVisualizations). */
  items: readonly TVisualization[];
  step: number;
  classes: TClassNames;
}

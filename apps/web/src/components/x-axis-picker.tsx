'use client';

import { X_AXES, type TXAxis } from '../features/compare/lib/compare-url';
import { X_AXIS_LABELS } from '../features/compare/lib/compare-x-axis';
import { Picker } from './picker';

/** What a chart's x axis measures (step, epoch, relative or wall time): the compare toolbar and the run page. */
export function XAxisPicker({ value, onChange, testId }: { value: TXAxis; onChange: (x: TXAxis) => void; testId: string }) {
  return (
    <Picker
      label="X axis"
      className="compare-control"
      testId={testId}
      options={X_AXES}
      value={value}
      optionLabel={(axis) => X_AXIS_LABELS[axis]}
      onChange={onChange}
    />
  );
}

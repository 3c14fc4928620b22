import { ACTIVATIONS } from '@tensorscope/shared';
import type { TLayerFieldSpec } from '../lib/layer-draft';

/** One box of a layer row: a text box (numbers, windows "3x5", shapes, the name), a select or a tick. */
export function LayerFieldInput({
  spec,
  value,
  invalid,
  error,
  onChange,
}: {
  spec: TLayerFieldSpec;
  value: string;
  invalid: boolean;
  error?: string | undefined;
  onChange(value: string): void;
}) {
  const common = { 'data-testid': `layer-field-${spec.key}`, 'aria-invalid': invalid, title: error };
  let input;
  if (spec.kind === 'boolean')
    input = <input type="checkbox" {...common} checked={value === 'true'} onChange={(e) => onChange(String(e.target.checked))} />;
  else if (spec.kind === 'activation' || spec.kind === 'padding')
    input = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        {(spec.kind === 'activation' ? ACTIVATIONS : (['valid', 'same'] as const)).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  else
    input = (
      <input
        type="text"
        {...common}
        className={`layer-input layer-input--${spec.kind}`}
        autoComplete="off"
        spellCheck={false}
        inputMode={spec.kind === 'integer' || spec.kind === 'window' ? 'numeric' : spec.kind === 'decimal' ? 'decimal' : undefined}
        placeholder={spec.blank}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <label className={`layer-field ${invalid ? 'layer-field--invalid' : ''}`}>
      <span className="layer-field-label">{spec.label}</span>
      {input}
    </label>
  );
}

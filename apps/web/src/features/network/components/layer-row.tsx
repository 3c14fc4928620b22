import { LAYER_TYPES, type TLayerType } from '@tensorscope/shared';
import { LAYER_FIELDS, NAME_FIELD, type TLayerDraft } from '../lib/layer-draft';
import { shapeText, type TLayerPreview } from '../lib/network-preview';
import { LayerFieldInput } from './layer-field-input';

/** One layer of the editor: its type, its fields, what it outputs and costs, and what is wrong with it. */
export function LayerRow({
  index,
  draft,
  preview,
  error,
  last,
  onChange,
  onType,
  onMove,
  onRemove,
}: {
  index: number;
  draft: TLayerDraft;
  preview: TLayerPreview | undefined;
  /** The server's (or the sweep check's) message for this layer. */
  error: string | undefined;
  last: boolean;
  onChange(key: string, value: string): void;
  onType(type: TLayerType): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const fieldErrors = preview?.fieldErrors ?? {};
  const messages = [...new Set([...Object.values(fieldErrors), preview?.problem, error].filter((m): m is string => Boolean(m)))];
  return (
    <tr data-testid="layer-row" data-index={index} className={messages.length > 0 ? 'layer-row--invalid' : undefined}>
      <td className="num muted">{index}</td>
      <td>
        <select
          data-testid="layer-type"
          aria-label={`layer ${index} type`}
          value={draft.type}
          onChange={(e) => onType(e.target.value as TLayerType)}
        >
          {LAYER_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {preview?.name && <div className="muted small mono">{preview.name}</div>}
      </td>
      <td>
        <div className="layer-fields">
          {[...LAYER_FIELDS[draft.type], NAME_FIELD].map((spec) => (
            <LayerFieldInput
              key={spec.key}
              spec={spec}
              value={draft.fields[spec.key] ?? ''}
              invalid={spec.key in fieldErrors}
              error={fieldErrors[spec.key]}
              onChange={(value) => onChange(spec.key, value)}
            />
          ))}
        </div>
        {messages.length > 0 && (
          <div className="field-error" data-testid="layer-error">
            {messages.join('; ')}
          </div>
        )}
      </td>
      <td className="mono" data-testid="layer-shape">
        {preview?.outputShape ? shapeText(preview.outputShape) : '–'}
      </td>
      <td className="num mono" data-testid="layer-params">
        {preview?.params !== undefined ? preview.params.toLocaleString('en-US') : '–'}
      </td>
      <td className="layer-actions">
        <button
          type="button"
          className="button button--small"
          data-testid="layer-up"
          aria-label={`move layer ${index} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="layer-down"
          aria-label={`move layer ${index} down`}
          disabled={last}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="layer-remove"
          aria-label={`remove layer ${index}`}
          onClick={onRemove}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}

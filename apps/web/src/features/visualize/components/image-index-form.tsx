'use client';

import { useState, type FormEvent } from 'react';
import { parseImageIndex } from '../../layers/lib/feature-maps';
import { parseFeatureMap } from '../lib/visualize-params';
import { TextField } from '../../../components/text-field';

/** A short whole-number field of this form. */
const numberField = (
  label: string,
  testId: string,
  value: string,
  invalid: boolean,
  onChange: (v: string) => void,
  placeholder?: string,
) => (
  <TextField
    label={label}
    testId={testId}
    inputClassName={testId === 'image-map' ? 'feature-image-input image-map-input' : 'feature-image-input'}
    inputMode="numeric"
    placeholder={placeholder}
    value={value}
    invalid={invalid}
    onChange={onChange}
  />
);

/** Pick a test image (and optionally a feature map) by number, for images no top-9 cell shows. */
export function ImageIndexForm({
  mapCount,
  disabled,
  onAnalyse,
  withMap = true,
}: {
  mapCount: number | undefined;
  disabled: boolean;
  onAnalyse: (image: number, featureMap: number | undefined) => void;
  /** Without the feature-map field (views of a recurrent net have no maps). */
  withMap?: boolean;
}) {
  const [imageText, setImageText] = useState('0');
  const [mapText, setMapText] = useState('');
  const image = parseImageIndex(imageText);
  const map = parseFeatureMap(mapText, mapCount);
  const error = !image.ok ? image.message : !map.ok ? map.message : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (image.ok && map.ok) onAnalyse(image.index, map.featureMap);
  };

  return (
    <form className="image-index-form" onSubmit={submit} data-testid="image-index-form">
      {numberField('Test image', 'image-index', imageText, !image.ok, setImageText)}
      {withMap && numberField('Map', 'image-map', mapText, !map.ok, setMapText, 'strongest')}
      <button type="submit" className="button" data-testid="image-analyse" disabled={disabled || error !== null}>
        Analyse
      </button>
      {error && (
        <p className="field-error image-index-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

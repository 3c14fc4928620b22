'use client';

import { useState, type FormEvent } from 'react';
import { parseImageIndex } from '../../layers/lib/feature-maps';
import { parseFeatureMap } from '../lib/visualize-params';
import { TextField } from '../../../components/text-field';

/** Pick a test image (and optionally a feature map) by number, for images no top-9 cell shows. */
export function ImageIndexForm({
  mapCount,
  disabled,
  onAnalyse,
}: {
  mapCount: number | undefined;
  disabled: boolean;
  onAnalyse: (image: number, featureMap: number | undefined) => void;
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
      <TextField
        label="Test image"
        testId="image-index"
        inputClassName="feature-image-input"
        inputMode="numeric"
        value={imageText}
        invalid={!image.ok}
        onChange={setImageText}
      />
      <TextField
        label="Map"
        testId="image-map"
        inputClassName="feature-image-input image-map-input"
        inputMode="numeric"
        placeholder="strongest"
        value={mapText}
        invalid={!map.ok}
        onChange={setMapText}
      />
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

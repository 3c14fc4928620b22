'use client';

import type { TTop9Result } from '@tensorscope/shared';
import type { TImageStatus } from '../lib/image-preload';
import { visualizationImageUrl } from '../lib/visualize.api';
import { top9ImageName } from '../lib/visualization-images';
import { spriteRect, spriteTileStyle } from '../lib/top9-sprite';
import { PixelImage } from './pixel-image';

/** A job's sprite as the tiles of its grid see it: where it is, and whether it has loaded. */
export interface TSpriteSource {
  url: string;
  status: TImageStatus;
}

/** A top-9 job's tiles: its id, its result and its sprite (null: none, draw single tiles). */
export interface TTop9TileSource {
  vizId: string;
  result: TTop9Result;
  sprite: TSpriteSource | null;
}

/** The sprite of a top-9 result, if it has one. */
export const spriteUrl = (vizId: string, result: TTop9Result) => (result.sprite ? visualizationImageUrl(vizId, result.sprite.image) : null);

/**
 * One top-9 cell's picture: drawn out of the job's sprite (one download for the whole grid), or,
 * for results computed before sprites or when the sprite failed to load, its own PNG.
 */
export function Top9Tile({
  source: { vizId, result, sprite },
  kind,
  mapIndex,
  rank,
  size,
  alt,
  testId,
}: {
  source: TTop9TileSource;
  kind: 'deconv' | 'patch';
  /** The map's position in `result.featureMaps`. */
  mapIndex: number;
  rank: number;
  size: number;
  alt: string;
  testId?: string;
}) {
  const rect = result.sprite && spriteRect(result.sprite, kind, mapIndex, rank);
  if (result.sprite && rect && sprite && sprite.status !== 'failed') {
    return (
      <span
        className="pixel-image sprite-tile"
        role="img"
        aria-label={alt}
        data-testid={testId}
        data-loaded={sprite.status === 'loaded'}
        style={spriteTileStyle(sprite.url, result.sprite, rect, size)}
      />
    );
  }
  const featureMap = result.featureMaps[mapIndex]!.featureMap;
  return <PixelImage testId={testId} src={visualizationImageUrl(vizId, top9ImageName(kind, featureMap, rank))} alt={alt} size={size} />;
}

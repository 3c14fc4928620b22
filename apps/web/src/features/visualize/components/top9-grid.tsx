'use client';

import type { TClassNames, TTop9Result, TTopActivation } from '@tensorscope/shared';
import { useImageStatus } from '../hooks/use-image-status';
import { classLabel } from '../lib/class-labels';
import { VIEW_BLOCKS, type TTop9View } from '../lib/top9-layout';
import { spriteUrl, Top9Tile } from './top9-tile';

/** What a top-9 grid does on clicks, and what it highlights: the Visualize panel's wiring, passed through the top-9 section. */
export interface TTop9GridActions {
  /** The image panel's map and test image, highlighted where they appear. */
  selected: { featureMap: number | undefined; image: number } | null;
  onOpen: (featureMap: number, top: TTopActivation) => void;
  /** Follow a map across snapshots (the evolution section). */
  onTrack: (featureMap: number) => void;
}

const BLOCK_TITLES = { deconv: 'projections', patch: 'input patches' } as const;

/**
 * Zeiler & Fergus fig. 2: for every feature map, its 9 strongest activations over the test
 * images as deconvnet projections (what in the input drove the map) and, beside them, the input
 * patches they came from. A cell opens that image in the image panel.
 */
export function Top9Grid({
  vizId,
  result,
  classes,
  view,
  cellSize,
  selected,
  onOpen,
  onTrack,
}: TTop9GridActions & {
  vizId: string;
  result: TTop9Result;
  classes: TClassNames;
  view: TTop9View;
  cellSize: number;
}) {
  const blocks = VIEW_BLOCKS[view];
  // One sprite for every cell (data-sprite says when the grid is drawn); none for results from before sprites.
  const url = spriteUrl(vizId, result);
  const status = useImageStatus(url);
  const source = { vizId, result, sprite: url && status ? { url, status } : null };
  return (
    <div
      className="top9-grid"
      data-testid="top9-grid"
      data-maps={result.featureMaps.length}
      data-view={view}
      data-sprite={status ?? 'none'}
    >
      {result.featureMaps.map(({ featureMap, top }, mapIndex) => (
        <figure key={featureMap} className="top9-map" data-testid="top9-map" data-map={featureMap}>
          <div className="top9-blocks">
            {blocks.map((kind) => (
              <div
                key={kind}
                className="top9-block"
                style={{ gridTemplateColumns: `repeat(3, ${cellSize}px)` }}
                aria-label={`map ${featureMap} ${BLOCK_TITLES[kind]}`}
              >
                {top.slice(0, 9).map((t, rank) => {
                  const isSelected = selected?.featureMap === featureMap && selected.image === t.image;
                  return (
                    <button
                      key={rank}
                      type="button"
                      className={`top9-cell${isSelected ? ' top9-cell--selected' : ''}`}
                      title={`test image #${t.image} (${classLabel(classes, t.label)}) · activation ${t.activation.toPrecision(3)} · click for the image panel`}
                      onClick={() => onOpen(featureMap, t)}
                    >
                      <Top9Tile
                        testId="top9-cell"
                        source={source}
                        kind={kind}
                        mapIndex={mapIndex}
                        rank={rank}
                        alt={`map ${featureMap}, rank ${rank + 1}: ${kind === 'deconv' ? 'projection' : 'patch'} of test image #${t.image}`}
                        size={cellSize}
                      />
                    </button>
                  );
                })}
              </div>
            ))}
          </div>
          <figcaption>
            <button
              type="button"
              className="link-button"
              title="Show this map's projections at every snapshot"
              onClick={() => onTrack(featureMap)}
            >
              map {featureMap}
            </button>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

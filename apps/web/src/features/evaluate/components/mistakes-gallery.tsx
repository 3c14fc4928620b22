'use client';

import type { TClassNames, TEvaluationResult, TMisclassified, TVisualization } from '@tensorscope/shared';
import Link from 'next/link';
import { useState } from 'react';
import { PixelImage } from '../../visualize/components/pixel-image';
import { classLabel } from '../../visualize/lib/class-labels';
import { visualizationImageUrl } from '../../visualize/lib/visualize.api';
import { formatShare } from '../lib/confusion-view';
import { pageOf, visualizeImageHref } from '../lib/mistakes-page';

/** Thumbnails: the dataset's 28 or 32 px, doubled. */
const ZOOM = 2;

/**
 * The most confident mistakes of an evaluation (the job keeps the first 200 and counts the rest),
 * a page at a time: each image with its predicted and true class and their probabilities; on CNN
 * runs a click opens it in the Visualize tab's image panel at the same snapshot.
 */
export function MistakesGallery({
  viz,
  result,
  classes,
  runId,
  side,
  linkImages,
}: {
  viz: TVisualization;
  result: TEvaluationResult;
  classes: TClassNames;
  runId: string;
  /** The input images' side in pixels. */
  side: number;
  linkImages: boolean;
}) {
  const [page, setPage] = useState(0);
  const shown = pageOf(result.misclassified, page);
  const listed = result.misclassified.length;
  return (
    <div className="mistakes" data-testid="mistakes-gallery">
      <div className="section-head">
        <h3>Misclassified</h3>
        <span className="muted small">
          {listed < result.misclassifiedTotal
            ? `the ${listed} most confident of ${result.misclassifiedTotal.toLocaleString('en-US')} mistakes`
            : `all ${listed} mistakes, the most confident first`}
          {linkImages && ' · click one to analyse it in Visualize'}
        </span>
      </div>
      {listed === 0 ? (
        <p className="muted" data-testid="mistakes-none">
          No test image is classified wrong.
        </p>
      ) : (
        <>
          <ul className="mistakes-grid">
            {shown.items.map((m, i) => (
              <li key={m.image} data-testid="mistake" data-image={m.image}>
                <Mistake
                  m={m}
                  src={visualizationImageUrl(viz.id, `wrong-${shown.start + i}`)}
                  classes={classes}
                  size={side * ZOOM}
                  href={linkImages ? visualizeImageHref(runId, viz.step, m.image) : undefined}
                />
              </li>
            ))}
          </ul>
          {shown.pages > 1 && (
            <nav className="pagination" aria-label="Mistake pages" data-testid="mistakes-pages">
              <span className="pagination-buttons">
                <button type="button" className="button" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
                  ‹ Prev
                </button>
                <span>
                  {shown.page + 1} / {shown.pages}
                </span>
                <button
                  type="button"
                  className="button"
                  data-testid="mistakes-next"
                  disabled={shown.page >= shown.pages - 1}
                  onClick={() => setPage(shown.page + 1)}
                >
                  Next ›
                </button>
              </span>
            </nav>
          )}
        </>
      )}
    </div>
  );
}

/** One mistake: the image (a link when it can be analysed), then predicted vs true class with their probabilities. */
function Mistake({ m, src, classes, size, href }: { m: TMisclassified; src: string; classes: TClassNames; size: number; href?: string }) {
  const predicted = classLabel(classes, m.predicted);
  const truth = classLabel(classes, m.label);
  const image = <PixelImage src={src} alt={`test image ${m.image}: ${truth} taken for ${predicted}`} size={size} />;
  return (
    <figure className="mistake">
      {href ? (
        <Link href={href} title={`Analyse test image ${m.image} in Visualize`} data-testid="mistake-link">
          {image}
        </Link>
      ) : (
        image
      )}
      <figcaption className="small">
        <span className="mistake-predicted" title="predicted class and its probability">
          {predicted} · <span className="mono">{formatShare(m.probability)}</span>
        </span>
        <span className="muted" title="true class and its probability">
          true {truth} · <span className="mono">{formatShare(m.trueProbability)}</span>
        </span>
        <span className="muted mono">#{m.image}</span>
      </figcaption>
    </figure>
  );
}

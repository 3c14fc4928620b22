'use client';

import { useEffect, useRef, type RefObject } from 'react';
import uPlot from 'uplot';
import { THEME_EVENT } from '../lib/theme';

/** The plot mounted in a chart container, for what works on the drawn chart (downloads). */
const mounted = new WeakMap<Element, uPlot>();
export const plotIn = (container: Element): uPlot | undefined => mounted.get(container);

/**
 * Mounts a uPlot chart into the returned container. uPlot is imperative: the plot is built
 * once per `shape` (whatever fixes series and styling), fed with setData as points arrive,
 * resized with its container (and to `height`) and destroyed on unmount.
 */
export function useUplot(
  makeOptions: (width: number) => uPlot.Options,
  data: uPlot.AlignedData,
  shape: string,
  height: number,
): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  // Read through refs so a rebuild (shape change) starts from the newest data and options.
  const latestData = useRef(data);
  latestData.current = data;
  const latestOptions = useRef(makeOptions);
  latestOptions.current = makeOptions;
  const latestHeight = useRef(height);
  latestHeight.current = height;
  // The data the plot has drawn: a plot built in this commit already has the newest, and a
  // second full draw of it (setData right after the build) doubled the cost of every rebuild.
  const drawn = useRef<uPlot.AlignedData | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // The width as the resize observer below reads it (floored content box): clientWidth rounds
    // instead, so a container 864.5 px wide built the plot at 865 and resized it to 864 at once,
    // a second full draw of every chart built.
    const plot = new uPlot(
      latestOptions.current(Math.max(160, Math.floor(container.getBoundingClientRect().width))),
      latestData.current,
      container,
    );
    drawn.current = latestData.current;
    plotRef.current = plot;
    mounted.set(container, plot);
    const observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: latestHeight.current });
    });
    observer.observe(container);
    // Axis and grid colours come from the theme at draw time: a theme change only needs a redraw.
    const redraw = () => plot.redraw(false, true);
    window.addEventListener(THEME_EVENT, redraw);
    return () => {
      window.removeEventListener(THEME_EVENT, redraw);
      observer.disconnect();
      plot.destroy();
      mounted.delete(container);
      plotRef.current = null;
    };
  }, [shape]);

  // A new height (chart size, full screen) resizes the plot in place: no rebuild, one draw.
  useEffect(() => {
    const plot = plotRef.current;
    if (plot && plot.height !== height) plot.setSize({ width: plot.width, height });
  }, [height]);

  useEffect(() => {
    const plot = plotRef.current;
    if (plot && drawn.current !== data) {
      drawn.current = data;
      plot.setData(data);
    }
  }, [data]);

  return containerRef;
}

import type { Page, Request } from '@playwright/test';

/*
 * Times a control change on /compare inside the page: from the input event the control's handler
 * receives to the chart drawn again with every line, plus the longest main-thread block in
 * between (Long Tasks API). The event is dispatched from the page itself, so no DevTools round
 * trip sits inside the measurement.
 */

/** A finished uPlot draw, as compare-chart records it for the benches. */
interface TDraw {
  tag: string;
  series: number;
  at: number;
  /** After the next frame: the canvas rasterised (see compare-chart). */
  paintedAt?: number;
}

interface TBenchWindow {
  __compareDraws?: TDraw[];
  __longTasks?: { start: number; duration: number }[];
}

/** The chart requests of /api/compare (not the roughness ones, which ask for 10,000 buckets). */
const isChartRequest = (url: string) => url.includes('/api/compare?') && !url.includes('buckets=10000');

/**
 * Collects long tasks from the first script on, and counts chart requests in flight (a resource
 * timing entry appears only once a request is done). `settled` waits until no API request has
 * been in flight for a second (the rows and roughness answers that follow the first paint).
 * Call before the first page.goto.
 */
export async function observePage(page: Page): Promise<{ inflight: () => number; settled: () => Promise<void> }> {
  await page.addInitScript(() => {
    // 250 entries by default: the page's run rows and roughness answers fill it, and later requests went uncounted.
    performance.setResourceTimingBufferSize(100_000);
    const w = window as unknown as TBenchWindow;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  // Requests in flight, by object: one the page dropped by navigating away never reports its end,
  // so the sets are emptied when the page navigates (a counter leaked and never read 0 again).
  const chart = new Set<Request>();
  const api = new Set<Request>();
  let lastApi = Date.now();
  page.on('request', (r) => {
    if (isChartRequest(r.url())) chart.add(r);
    if (r.url().includes('/api/')) api.add(r);
  });
  const done = (r: Request) => {
    chart.delete(r);
    if (api.delete(r)) lastApi = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    chart.clear();
    api.clear();
  });
  const settled = async () => {
    const deadline = Date.now() + 180_000;
    while ((api.size > 0 || Date.now() - lastApi < 1000) && Date.now() < deadline) await page.waitForTimeout(100);
  };
  return { inflight: () => chart.size, settled };
}

/** How a change is made: a select picks a value, a checkbox or button is clicked, a range input is set. */
export type TControlAction =
  | { kind: 'select'; testId: string; value: string }
  | { kind: 'click'; selector: string }
  | { kind: 'range'; testId: string; value: string };

export interface TControlTiming {
  change: string;
  /** Event → the frame after the last draw with every line, once the page settled (requests included). */
  paintedMs: number;
  /** Event → the last draw's end (uPlot done; the frame still to rasterise). */
  redrawnMs: number;
  /** Event → the first draw after it (what the user sees move first). */
  firstDrawMs: number | null;
  /**
   * Event → the frame after the first draw with every line: a smoothing change is drawn at once
   * from the points held (smoothed in the browser), and again when the server's curve comes.
   */
  firstPaintedMs: number | null;
  /** Longest main-thread task that started after the event. */
  longestTaskMs: number;
  /** Compare requests the change caused. */
  requests: number;
}

/** Fires the change in the page and answers the event's time (performance.now()). */
function fire(page: Page, action: TControlAction): Promise<number> {
  return page.evaluate((a) => {
    const el =
      a.kind === 'click'
        ? document.querySelector<HTMLElement>(a.selector)
        : document.querySelector<HTMLElement>(`[data-testid="${a.testId}"]`);
    if (!el) throw new Error(`no control for ${JSON.stringify(a)}`);
    if (a.kind === 'click') {
      const t0 = performance.now();
      el.click();
      return t0;
    }
    // React tracks an input's value: set it through the prototype's setter, as typing would.
    const proto = a.kind === 'select' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, a.value);
    const t0 = performance.now();
    el.dispatchEvent(new Event(a.kind === 'select' ? 'change' : 'input', { bubbles: true }));
    return t0;
  }, action);
}

/**
 * Makes the change, waits until the chart has been drawn with `wantSeries` uPlot series and then
 * nothing was drawn or fetched for `quietMs`, and reads the timings back.
 */
export async function timeControl(
  page: Page,
  inflight: () => number,
  change: string,
  action: TControlAction,
  { tag, wantSeries, quietMs = 600 }: { tag: string; wantSeries: number; quietMs?: number },
): Promise<TControlTiming> {
  const t0 = await fire(page, action);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { last, now } = await page.evaluate(
      ({ t0, tag }) => ({
        last: ((window as unknown as TBenchWindow).__compareDraws ?? []).filter((d) => d.tag === tag && d.at > t0).at(-1),
        now: performance.now(),
      }),
      { t0, tag },
    );
    if (last && last.series >= wantSeries && last.paintedAt !== undefined && inflight() === 0 && now - last.at > quietMs) break;
    if (Date.now() > deadline) throw new Error(`${change}: the chart was not drawn again with ${wantSeries} series`);
    await page.waitForTimeout(50);
  }
  return page.evaluate(
    ({ t0, tag, change, wantSeries }) => {
      const w = window as unknown as TBenchWindow;
      const draws = (w.__compareDraws ?? []).filter((d) => d.tag === tag && d.at > t0);
      const tasks = (w.__longTasks ?? []).filter((t) => t.start + t.duration > t0);
      const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (e) => e.name.includes('/api/compare?') && !e.name.includes('buckets=10000') && e.startTime > t0,
      ).length;
      const firstFull = draws.find((d) => d.series >= wantSeries && d.paintedAt !== undefined);
      return {
        change,
        paintedMs: Math.round(draws.at(-1)!.paintedAt! - t0),
        firstPaintedMs: firstFull ? Math.round(firstFull.paintedAt! - t0) : null,
        redrawnMs: Math.round(draws.at(-1)!.at - t0),
        firstDrawMs: draws[0] ? Math.round(draws[0].at - t0) : null,
        longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
        requests,
      };
    },
    { t0, tag, change, wantSeries },
  );
}

import { Injectable } from '@nestjs/common';
import { ZScalarQuery, type TBulkExportQuery, type TSeriesExportQuery } from '@tensorscope/shared';
import { RunService } from '../runs/run.service';
import { manySeriesCsv, seriesCsv, seriesJson, type TExportSeries } from './series.format';

export interface TExportFile {
  filename: string;
  contentType: string;
  body: string;
}

/** A file-system-safe piece of a download name. */
const slug = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80) || 'series';

@Injectable()
export class ExportService {
  constructor(private readonly runs: RunService) {}

  async series(id: string, query: TSeriesExportQuery): Promise<TExportFile> {
    const run = await this.runs.get(id);
    const { points } = await this.runs.scalarSeries(id, query);
    const filename = `${slug(run.name)}-${slug(query.tag)}.${query.format}`;
    return query.format === 'csv'
      ? { filename, contentType: 'text/csv; charset=utf-8', body: seriesCsv(points, query.header) }
      : { filename, contentType: 'application/json', body: JSON.stringify(seriesJson(points)) };
  }

  /** Every requested run × tag; an unknown run is a 404 for the whole request, a missing tag an empty series. */
  async bulk(query: TBulkExportQuery): Promise<TExportFile> {
    const series: TExportSeries[] = [];
    for (const runId of query.runs) {
      const run = await this.runs.get(runId);
      for (const tag of query.tags) {
        const read = ZScalarQuery.parse({ tag, smoothing: query.smoothing, smoother: query.smoother });
        series.push({ runId, runName: run.name, tag, points: (await this.runs.scalarSeries(runId, read)).points });
      }
    }
    const filename = `tensorscope-export.${query.format}`;
    if (query.format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: manySeriesCsv(series, query.header) };
    const body = { series: series.map((s) => ({ runId: s.runId, runName: s.runName, tag: s.tag, points: seriesJson(s.points) })) };
    return { filename, contentType: 'application/json', body: JSON.stringify(body) };
  }
}

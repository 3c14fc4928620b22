import { Module } from '@nestjs/common';
import { CompareModule } from '../compare/compare.module';
import { ExportController } from '../export/export.controller';
import { ExportService } from '../export/export.service';
import { RunGateway } from '../live/run.gateway';
import { RunController } from './run.controller';
import { RunEventPruner } from './run-event.pruner';
import { RunEventRepository } from './run-event.repository';
import { RunService } from './run.service';

@Module({ imports: [CompareModule], controllers: [RunController, ExportController], providers: [RunService, RunGateway, ExportService, RunEventRepository, RunEventPruner] })
export class RunsModule {}

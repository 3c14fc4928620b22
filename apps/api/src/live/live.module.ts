import { Module } from '@nestjs/common';
import { RunDataModule } from '../runs/run-data.module';
import { RunGateway } from './run.gateway';

/** socket.io: the bus's run events relayed to the dashboard (AuthModule is global). */
@Module({ imports: [RunDataModule], providers: [RunGateway] })
export class LiveModule {}

import { Module } from '@nestjs/common';
import { SweepController } from './sweep.controller';
import { SweepService } from './sweep.service';

@Module({ controllers: [SweepController], providers: [SweepService] })
export class SweepsModule {}

import { Inject, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import { RUN_LIST_ROOM, runRoom, type ClientToServerEvents, type ServerToClientEvents, type TBusEvent } from '@tensorscope/shared';
import type { Server, Socket } from 'socket.io';
import { EVENT_BUS, type EventBus } from '../bus/event-bus.port';
import { CLOCK, type Clock } from '../common/clock';
import { AuthService } from '../auth/auth.service';
import type { TPrincipal } from '../auth/principal';
import { readCredentials } from '../auth/credentials.read';
import { isAllowedOrigin } from '../common/origin.policy';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { ENV, type TEnv } from '../env';
import { toRun } from '../runs/run.mapper';
import { RunRepository } from '../runs/run.repository';

type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * Relays bus events to browsers. Rooms: one for the run list, one per run; scalar points go to
 * the run's room only. Events only signal: the dashboard's cache is filled from REST.
 */
@WebSocketGateway({ cors: { origin: true, credentials: true } })
export class RunGateway implements OnModuleInit, OnModuleDestroy, OnGatewayInit {
  private readonly logger = new Logger('RunGateway');
  @WebSocketServer() private server!: IoServer;
  private unsubscribe: (() => void) | null = null;
  private relaying: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runs: RunRepository,
    private readonly auth: AuthService,
    @Inject(ENV) private readonly env: TEnv,
  ) {}

  /**
   * Sockets authenticate like REST: `auth: {token}` (or an Authorization header) with an API
   * token, or the dashboard's session cookie, which only counts from the dashboard's own origin
   * (a page elsewhere must not ride on the user's cookie). Every signed-in role may read every
   * run, so each room is open to every authenticated socket.
   */
  afterInit(server: IoServer): void {
    server.use((socket, next) => {
      const { headers, auth } = socket.handshake;
      const credentials = readCredentials(headers, (auth as { token?: unknown } | undefined)?.token);
      if (!credentials.bearer && !isAllowedOrigin(headers.origin, headers.host, this.env)) return next(new Error('FORBIDDEN_ORIGIN'));
      this.auth
        .resolve(credentials)
        .then((principal) => {
          if (!principal) return next(new Error('UNAUTHENTICATED'));
          socket.data.principal = principal;
          next();
        })
        .catch((e: unknown) =>
          next(new Error(e instanceof Error && isDatabaseUnavailable(e) ? 'DATABASE_UNAVAILABLE' : 'UNAUTHENTICATED')),
        );
    });
  }

  onModuleInit(): void {
    // One at a time, in arrival order: run.updated reads the row first, and a later event must
    // not overtake it (clients check that each run's sequence numbers follow on).
    this.unsubscribe = this.bus.subscribe((e) => {
      this.relaying = this.relaying.then(() => this.relay(e)).catch((err: Error) => this.logger.warn(err.message));
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  @SubscribeMessage('runs:subscribe')
  joinList(@ConnectedSocket() socket: IoSocket): void {
    void socket.join(RUN_LIST_ROOM);
  }

  @SubscribeMessage('run:subscribe')
  joinRun(@ConnectedSocket() socket: IoSocket, @MessageBody() runId: unknown): void {
    if (typeof runId === 'string' && runId.length <= 64) void socket.join(runRoom(runId));
  }

  @SubscribeMessage('run:unsubscribe')
  leaveRun(@ConnectedSocket() socket: IoSocket, @MessageBody() runId: unknown): void {
    if (typeof runId === 'string') void socket.leave(runRoom(runId));
  }

  private async relay(event: TBusEvent): Promise<void> {
    switch (event.type) {
      case 'run.updated': {
        const row = await this.runs.findById(event.runId);
        if (!row) return;
        const run = toRun(row, this.clock.now(), (await this.runs.queuePositions([row])).get(row.id) ?? null);
        this.server.to([RUN_LIST_ROOM, runRoom(run.id)]).emit('run:updated', { run, ...seqOf(event) });
        return;
      }
      case 'run.progress':
        this.server
          .to([RUN_LIST_ROOM, runRoom(event.runId)])
          .emit('run:progress', { runId: event.runId, progress: event.progress, ...seqOf(event) });
        return;
      case 'run.scalars':
        this.server.to(runRoom(event.runId)).emit('run:scalars', { runId: event.runId, points: event.points, ...seqOf(event) });
        return;
      case 'run.histograms':
        this.server
          .to(runRoom(event.runId))
          .emit('run:histograms', { runId: event.runId, step: event.step, tags: event.tags, ...seqOf(event) });
        return;
      case 'run.snapshot':
        this.server.to(runRoom(event.runId)).emit('run:snapshot', { runId: event.runId, step: event.step, ...seqOf(event) });
        return;
      case 'run.visualization':
        this.server
          .to(runRoom(event.runId))
          .emit('run:visualization', { runId: event.runId, visualizationId: event.visualizationId, ...seqOf(event) });
        return;
      case 'run.deleted':
        this.server.to([RUN_LIST_ROOM, runRoom(event.runId)]).emit('run:deleted', { runId: event.runId });
        return;
      case 'auth.revoked':
        // A socket keeps the principal it connected with: close those whose credentials ended
        // (a role change too, so the socket reconnects with the new one).
        for (const socket of this.server.sockets.sockets.values()) {
          const p = socket.data.principal as TPrincipal | undefined;
          if (!p) continue;
          if (p.user.id === event.userId || p.credentialId === event.tokenId || p.credentialId === event.sessionId) socket.disconnect(true);
        }
        return;
      case 'run.cancel':
        return; // for workers only
    }
  }
}

/** The event's run sequence number, when it has one, as a payload field. */
const seqOf = (event: { seq?: number | undefined }): { seq?: number } => (event.seq !== undefined ? { seq: event.seq } : {});

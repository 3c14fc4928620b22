-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Run" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "backend" TEXT,
    "progress" JSONB,
    "finalMetrics" JSONB,
    "error" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "workerId" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScalarPoint" (
    "runId" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "wallTime" DOUBLE PRECISION NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ScalarPoint_pkey" PRIMARY KEY ("runId","tag","step")
);

-- CreateTable
CREATE TABLE "WeightSnapshot" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "layer" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "shape" INTEGER[],
    "stats" JSONB NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeightSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Run_createdAt_idx" ON "Run"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Run_status_createdAt_idx" ON "Run"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Run_model_createdAt_idx" ON "Run"("model", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WeightSnapshot_runId_step_idx" ON "WeightSnapshot"("runId", "step");

-- AddForeignKey
ALTER TABLE "ScalarPoint" ADD CONSTRAINT "ScalarPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeightSnapshot" ADD CONSTRAINT "WeightSnapshot_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

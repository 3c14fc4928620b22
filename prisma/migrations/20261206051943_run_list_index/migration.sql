-- CreateIndex
CREATE INDEX "Run_archivedAt_createdAt_id_idx" ON "Run"("archivedAt", "createdAt" DESC, "id" DESC);

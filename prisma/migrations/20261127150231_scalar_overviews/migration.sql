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

-- Backfill: rollups of every stored point, then overviews of every finished run (scalar-rollup.sql.ts, for all runs).
INSERT INTO "ScalarRollup" ("runId","tag","width","bucket","count","finiteCount","sum","firstStep","firstWall","firstValue","lastStep","lastWall","lastValue","minStep","minWall","minValue","maxStep","maxWall","maxValue")
SELECT p."runId", p.tag, 64, p.step >> 6, count(*)::int,
  (count(*) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8)))::int, coalesce(sum(p.value) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8)), 0),
  min(p.step), (array_agg(p."wallTime" ORDER BY p.step))[1], (array_agg(p.value ORDER BY p.step))[1],
  max(p.step), (array_agg(p."wallTime" ORDER BY p.step DESC))[1], (array_agg(p.value ORDER BY p.step DESC))[1],
  (array_agg(p.step ORDER BY p.value, p.step) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8)))[1],
  (array_agg(p."wallTime" ORDER BY p.value, p.step) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8)))[1],
  min(p.value) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8)),
  (array_agg(p.step ORDER BY p.value DESC, p.step) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8)))[1],
  (array_agg(p."wallTime" ORDER BY p.value DESC, p.step) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8)))[1],
  max(p.value) FILTER (WHERE (p.value <> 'NaN'::float8 AND p.value <> 'Infinity'::float8 AND p.value <> '-Infinity'::float8))
FROM "ScalarPoint" p
CROSS JOIN (SELECT -2147483648 AS "fromStep") f
WHERE p.step >= ((f."fromStep" >> 6) << 6)
GROUP BY p."runId", p.tag, p.step >> 6
ON CONFLICT ("runId","tag","width","bucket") DO UPDATE SET "count" = EXCLUDED."count", "finiteCount" = EXCLUDED."finiteCount", "sum" = EXCLUDED."sum", "firstStep" = EXCLUDED."firstStep", "firstWall" = EXCLUDED."firstWall", "firstValue" = EXCLUDED."firstValue", "lastStep" = EXCLUDED."lastStep", "lastWall" = EXCLUDED."lastWall", "lastValue" = EXCLUDED."lastValue", "minStep" = EXCLUDED."minStep", "minWall" = EXCLUDED."minWall", "minValue" = EXCLUDED."minValue", "maxStep" = EXCLUDED."maxStep", "maxWall" = EXCLUDED."maxWall", "maxValue" = EXCLUDED."maxValue";

INSERT INTO "ScalarRollup" ("runId","tag","width","bucket","count","finiteCount","sum","firstStep","firstWall","firstValue","lastStep","lastWall","lastValue","minStep","minWall","minValue","maxStep","maxWall","maxValue")
SELECT r."runId", r.tag, 256, r.bucket >> 2, sum(r.count)::int, sum(r."finiteCount")::int, sum(r.sum),
  min(r."firstStep"), (array_agg(r."firstWall" ORDER BY r.bucket))[1], (array_agg(r."firstValue" ORDER BY r.bucket))[1],
  max(r."lastStep"), (array_agg(r."lastWall" ORDER BY r.bucket DESC))[1], (array_agg(r."lastValue" ORDER BY r.bucket DESC))[1],
  (array_agg(r."minStep" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  (array_agg(r."minWall" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  min(r."minValue"),
  (array_agg(r."maxStep" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  (array_agg(r."maxWall" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  max(r."maxValue")
FROM "ScalarRollup" r
CROSS JOIN (SELECT -2147483648 AS "fromStep") f
WHERE r.width = 64 AND r.bucket >= ((f."fromStep" >> 8) << 2)
GROUP BY r."runId", r.tag, r.bucket >> 2
ON CONFLICT ("runId","tag","width","bucket") DO UPDATE SET "count" = EXCLUDED."count", "finiteCount" = EXCLUDED."finiteCount", "sum" = EXCLUDED."sum", "firstStep" = EXCLUDED."firstStep", "firstWall" = EXCLUDED."firstWall", "firstValue" = EXCLUDED."firstValue", "lastStep" = EXCLUDED."lastStep", "lastWall" = EXCLUDED."lastWall", "lastValue" = EXCLUDED."lastValue", "minStep" = EXCLUDED."minStep", "minWall" = EXCLUDED."minWall", "minValue" = EXCLUDED."minValue", "maxStep" = EXCLUDED."maxStep", "maxWall" = EXCLUDED."maxWall", "maxValue" = EXCLUDED."maxValue";

INSERT INTO "ScalarRollup" ("runId","tag","width","bucket","count","finiteCount","sum","firstStep","firstWall","firstValue","lastStep","lastWall","lastValue","minStep","minWall","minValue","maxStep","maxWall","maxValue")
SELECT r."runId", r.tag, 1024, r.bucket >> 2, sum(r.count)::int, sum(r."finiteCount")::int, sum(r.sum),
  min(r."firstStep"), (array_agg(r."firstWall" ORDER BY r.bucket))[1], (array_agg(r."firstValue" ORDER BY r.bucket))[1],
  max(r."lastStep"), (array_agg(r."lastWall" ORDER BY r.bucket DESC))[1], (array_agg(r."lastValue" ORDER BY r.bucket DESC))[1],
  (array_agg(r."minStep" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  (array_agg(r."minWall" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  min(r."minValue"),
  (array_agg(r."maxStep" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  (array_agg(r."maxWall" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  max(r."maxValue")
FROM "ScalarRollup" r
CROSS JOIN (SELECT -2147483648 AS "fromStep") f
WHERE r.width = 256 AND r.bucket >= ((f."fromStep" >> 10) << 2)
GROUP BY r."runId", r.tag, r.bucket >> 2
ON CONFLICT ("runId","tag","width","bucket") DO UPDATE SET "count" = EXCLUDED."count", "finiteCount" = EXCLUDED."finiteCount", "sum" = EXCLUDED."sum", "firstStep" = EXCLUDED."firstStep", "firstWall" = EXCLUDED."firstWall", "firstValue" = EXCLUDED."firstValue", "lastStep" = EXCLUDED."lastStep", "lastWall" = EXCLUDED."lastWall", "lastValue" = EXCLUDED."lastValue", "minStep" = EXCLUDED."minStep", "minWall" = EXCLUDED."minWall", "minValue" = EXCLUDED."minValue", "maxStep" = EXCLUDED."maxStep", "maxWall" = EXCLUDED."maxWall", "maxValue" = EXCLUDED."maxValue";

INSERT INTO "ScalarRollup" ("runId","tag","width","bucket","count","finiteCount","sum","firstStep","firstWall","firstValue","lastStep","lastWall","lastValue","minStep","minWall","minValue","maxStep","maxWall","maxValue")
SELECT r."runId", r.tag, 4096, r.bucket >> 2, sum(r.count)::int, sum(r."finiteCount")::int, sum(r.sum),
  min(r."firstStep"), (array_agg(r."firstWall" ORDER BY r.bucket))[1], (array_agg(r."firstValue" ORDER BY r.bucket))[1],
  max(r."lastStep"), (array_agg(r."lastWall" ORDER BY r.bucket DESC))[1], (array_agg(r."lastValue" ORDER BY r.bucket DESC))[1],
  (array_agg(r."minStep" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  (array_agg(r."minWall" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  min(r."minValue"),
  (array_agg(r."maxStep" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  (array_agg(r."maxWall" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  max(r."maxValue")
FROM "ScalarRollup" r
CROSS JOIN (SELECT -2147483648 AS "fromStep") f
WHERE r.width = 1024 AND r.bucket >= ((f."fromStep" >> 12) << 2)
GROUP BY r."runId", r.tag, r.bucket >> 2
ON CONFLICT ("runId","tag","width","bucket") DO UPDATE SET "count" = EXCLUDED."count", "finiteCount" = EXCLUDED."finiteCount", "sum" = EXCLUDED."sum", "firstStep" = EXCLUDED."firstStep", "firstWall" = EXCLUDED."firstWall", "firstValue" = EXCLUDED."firstValue", "lastStep" = EXCLUDED."lastStep", "lastWall" = EXCLUDED."lastWall", "lastValue" = EXCLUDED."lastValue", "minStep" = EXCLUDED."minStep", "minWall" = EXCLUDED."minWall", "minValue" = EXCLUDED."minValue", "maxStep" = EXCLUDED."maxStep", "maxWall" = EXCLUDED."maxWall", "maxValue" = EXCLUDED."maxValue";

INSERT INTO "ScalarRollup" ("runId","tag","width","bucket","count","finiteCount","sum","firstStep","firstWall","firstValue","lastStep","lastWall","lastValue","minStep","minWall","minValue","maxStep","maxWall","maxValue")
SELECT r."runId", r.tag, 16384, r.bucket >> 2, sum(r.count)::int, sum(r."finiteCount")::int, sum(r.sum),
  min(r."firstStep"), (array_agg(r."firstWall" ORDER BY r.bucket))[1], (array_agg(r."firstValue" ORDER BY r.bucket))[1],
  max(r."lastStep"), (array_agg(r."lastWall" ORDER BY r.bucket DESC))[1], (array_agg(r."lastValue" ORDER BY r.bucket DESC))[1],
  (array_agg(r."minStep" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  (array_agg(r."minWall" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  min(r."minValue"),
  (array_agg(r."maxStep" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  (array_agg(r."maxWall" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  max(r."maxValue")
FROM "ScalarRollup" r
CROSS JOIN (SELECT -2147483648 AS "fromStep") f
WHERE r.width = 4096 AND r.bucket >= ((f."fromStep" >> 14) << 2)
GROUP BY r."runId", r.tag, r.bucket >> 2
ON CONFLICT ("runId","tag","width","bucket") DO UPDATE SET "count" = EXCLUDED."count", "finiteCount" = EXCLUDED."finiteCount", "sum" = EXCLUDED."sum", "firstStep" = EXCLUDED."firstStep", "firstWall" = EXCLUDED."firstWall", "firstValue" = EXCLUDED."firstValue", "lastStep" = EXCLUDED."lastStep", "lastWall" = EXCLUDED."lastWall", "lastValue" = EXCLUDED."lastValue", "minStep" = EXCLUDED."minStep", "minWall" = EXCLUDED."minWall", "minValue" = EXCLUDED."minValue", "maxStep" = EXCLUDED."maxStep", "maxWall" = EXCLUDED."maxWall", "maxValue" = EXCLUDED."maxValue";

INSERT INTO "ScalarRollup" ("runId","tag","width","bucket","count","finiteCount","sum","firstStep","firstWall","firstValue","lastStep","lastWall","lastValue","minStep","minWall","minValue","maxStep","maxWall","maxValue")
SELECT r."runId", r.tag, 65536, r.bucket >> 2, sum(r.count)::int, sum(r."finiteCount")::int, sum(r.sum),
  min(r."firstStep"), (array_agg(r."firstWall" ORDER BY r.bucket))[1], (array_agg(r."firstValue" ORDER BY r.bucket))[1],
  max(r."lastStep"), (array_agg(r."lastWall" ORDER BY r.bucket DESC))[1], (array_agg(r."lastValue" ORDER BY r.bucket DESC))[1],
  (array_agg(r."minStep" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  (array_agg(r."minWall" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  min(r."minValue"),
  (array_agg(r."maxStep" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  (array_agg(r."maxWall" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  max(r."maxValue")
FROM "ScalarRollup" r
CROSS JOIN (SELECT -2147483648 AS "fromStep") f
WHERE r.width = 16384 AND r.bucket >= ((f."fromStep" >> 16) << 2)
GROUP BY r."runId", r.tag, r.bucket >> 2
ON CONFLICT ("runId","tag","width","bucket") DO UPDATE SET "count" = EXCLUDED."count", "finiteCount" = EXCLUDED."finiteCount", "sum" = EXCLUDED."sum", "firstStep" = EXCLUDED."firstStep", "firstWall" = EXCLUDED."firstWall", "firstValue" = EXCLUDED."firstValue", "lastStep" = EXCLUDED."lastStep", "lastWall" = EXCLUDED."lastWall", "lastValue" = EXCLUDED."lastValue", "minStep" = EXCLUDED."minStep", "minWall" = EXCLUDED."minWall", "minValue" = EXCLUDED."minValue", "maxStep" = EXCLUDED."maxStep", "maxWall" = EXCLUDED."maxWall", "maxValue" = EXCLUDED."maxValue";

INSERT INTO "ScalarRollup" ("runId","tag","width","bucket","count","finiteCount","sum","firstStep","firstWall","firstValue","lastStep","lastWall","lastValue","minStep","minWall","minValue","maxStep","maxWall","maxValue")
SELECT r."runId", r.tag, 262144, r.bucket >> 2, sum(r.count)::int, sum(r."finiteCount")::int, sum(r.sum),
  min(r."firstStep"), (array_agg(r."firstWall" ORDER BY r.bucket))[1], (array_agg(r."firstValue" ORDER BY r.bucket))[1],
  max(r."lastStep"), (array_agg(r."lastWall" ORDER BY r.bucket DESC))[1], (array_agg(r."lastValue" ORDER BY r.bucket DESC))[1],
  (array_agg(r."minStep" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  (array_agg(r."minWall" ORDER BY r."minValue", r."minStep") FILTER (WHERE r."minValue" IS NOT NULL))[1],
  min(r."minValue"),
  (array_agg(r."maxStep" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  (array_agg(r."maxWall" ORDER BY r."maxValue" DESC, r."maxStep") FILTER (WHERE r."maxValue" IS NOT NULL))[1],
  max(r."maxValue")
FROM "ScalarRollup" r
CROSS JOIN (SELECT -2147483648 AS "fromStep") f
WHERE r.width = 65536 AND r.bucket >= ((f."fromStep" >> 18) << 2)
GROUP BY r."runId", r.tag, r.bucket >> 2
ON CONFLICT ("runId","tag","width","bucket") DO UPDATE SET "count" = EXCLUDED."count", "finiteCount" = EXCLUDED."finiteCount", "sum" = EXCLUDED."sum", "firstStep" = EXCLUDED."firstStep", "firstWall" = EXCLUDED."firstWall", "firstValue" = EXCLUDED."firstValue", "lastStep" = EXCLUDED."lastStep", "lastWall" = EXCLUDED."lastWall", "lastValue" = EXCLUDED."lastValue", "minStep" = EXCLUDED."minStep", "minWall" = EXCLUDED."minWall", "minValue" = EXCLUDED."minValue", "maxStep" = EXCLUDED."maxStep", "maxWall" = EXCLUDED."maxWall", "maxValue" = EXCLUDED."maxValue";

INSERT INTO "ScalarOverview" ("runId", tag, width, buckets, data)
SELECT "runId", tag, width, count(*)::int, string_agg(
  int4send(bucket) || int4send(count) || int4send("finiteCount") || float8send(sum)
  || int4send("firstStep") || float8send("firstWall") || float8send("firstValue")
  || int4send("lastStep") || float8send("lastWall") || float8send("lastValue")
  || int4send(coalesce("minStep", 0)) || float8send(coalesce("minWall", 'NaN')) || float8send(coalesce("minValue", 'NaN'))
  || int4send(coalesce("maxStep", 0)) || float8send(coalesce("maxWall", 'NaN')) || float8send(coalesce("maxValue", 'NaN')),
  ''::bytea ORDER BY bucket)
FROM "ScalarRollup" WHERE "runId" IN (SELECT id FROM "Run" WHERE status IN ('completed', 'failed', 'cancelled'))
GROUP BY "runId", tag, width
ON CONFLICT ("runId", tag, width) DO UPDATE SET buckets = EXCLUDED.buckets, data = EXCLUDED.data;

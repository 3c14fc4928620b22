-- Every write of scalar points updates each touched rollup row at all seven levels (121 tags: 847
-- rows per write). With full pages those updates could not stay on their page, so each one also
-- inserted a primary-key index entry and left a dead row behind (measured, one training step per
-- write: the rollup table grew to 12 MB where 616 kB were live). Half-empty pages let Postgres
-- update in place (HOT: no index entry): rollup statements 173-183 -> 150-156 ms of Postgres CPU
-- per 1,000 points at that pace. Existing pages keep their rows, new pages are filled to half.
ALTER TABLE "ScalarRollup" SET (fillfactor = 50);

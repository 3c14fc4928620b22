-- ScalarPoint loses its foreign key to Run: checking it cost one lookup and row lock per point
-- inserted (about a third of the insert's CPU). Its ON DELETE CASCADE becomes this trigger, so
-- every way a run is deleted still deletes its points, in the same statement and transaction.
-- A row trigger (not a statement trigger over a transition table) deletes by the primary key's
-- runId prefix, as the cascade did. The function body writes its semicolons as \073: Prisma's
-- migration runner splits a script at every semicolon, even inside a string.
CREATE FUNCTION "Run_delete_scalar_points"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN\n  DELETE FROM "ScalarPoint" WHERE "runId" = OLD.id\073\n  RETURN NULL\073\nEND';

CREATE TRIGGER "Run_delete_scalar_points" AFTER DELETE ON "Run"
FOR EACH ROW EXECUTE FUNCTION "Run_delete_scalar_points"();

-- The trigger exists before the key goes: no moment where deleting a run leaves its points.
-- DropForeignKey
ALTER TABLE "ScalarPoint" DROP CONSTRAINT "ScalarPoint_runId_fkey";

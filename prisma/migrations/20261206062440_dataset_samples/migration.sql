-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "samplesPng" BYTEA;

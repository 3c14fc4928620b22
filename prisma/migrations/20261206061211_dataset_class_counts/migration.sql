-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "testClassCounts" INTEGER[],
ADD COLUMN     "trainClassCounts" INTEGER[];

-- Class counts of the built-in datasets, from shared/datasets.md and the MNIST test split as published.
UPDATE "Dataset" SET "trainClassCounts" = ARRAY[5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
  "testClassCounts" = ARRAY[980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009] WHERE "id" = 'mnist';
UPDATE "Dataset" SET "trainClassCounts" = ARRAY[5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000],
  "testClassCounts" = ARRAY[1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000] WHERE "id" = 'cifar10';

-- The exposure scan: a check of the caller's own address with a preset of ports, named so the page can rank them.

-- AlterTable
ALTER TABLE "checks" ADD COLUMN "preset" TEXT;

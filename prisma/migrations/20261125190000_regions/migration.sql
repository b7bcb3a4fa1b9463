-- Several vantage points: a check runs once per region (each with its own status, failure and
-- addresses); monitors run from several regions and vote; each region keeps its own confirmed state.

-- AlterTable
ALTER TABLE "checks" ADD COLUMN "regions" TEXT[] DEFAULT ARRAY['local']::TEXT[];

-- CreateTable
CREATE TABLE "check_runs" (
    "check_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "status" "CheckStatus" NOT NULL DEFAULT 'queued',
    "chunks" INTEGER NOT NULL DEFAULT 1,
    "finished_chunks" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "addresses" JSONB,
    "error_code" TEXT,
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "check_runs_pkey" PRIMARY KEY ("check_id", "region")
);

-- CreateIndex
CREATE INDEX "check_runs_status_created_at_idx" ON "check_runs"("status", "created_at");

-- AddForeignKey
ALTER TABLE "check_runs" ADD CONSTRAINT "check_runs_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing checks ran in the one implied region.
INSERT INTO "check_runs" ("check_id", "region", "status", "chunks", "finished_chunks", "addresses", "error_code", "error_message", "created_at", "started_at", "finished_at")
SELECT "id", 'local', "status", 1, CASE WHEN "status" IN ('done', 'failed') THEN ARRAY[0] ELSE ARRAY[]::INTEGER[] END,
       "addresses", "error_code", "error_message", "created_at", "started_at", "finished_at"
FROM "checks";

-- AlterTable
ALTER TABLE "monitors" ADD COLUMN "regions" TEXT[] DEFAULT ARRAY['local']::TEXT[],
ADD COLUMN "quorum" INTEGER;

-- A result per scheduled time and region.
DROP INDEX "monitor_results_monitor_id_scheduled_at_key";
CREATE UNIQUE INDEX "monitor_results_monitor_id_scheduled_at_region_key" ON "monitor_results"("monitor_id", "scheduled_at", "region");

-- CreateTable
CREATE TABLE "monitor_regions" (
    "monitor_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "state" "MonitorState" NOT NULL DEFAULT 'pending',
    "streak_state" "Observation",
    "streak_count" INTEGER NOT NULL DEFAULT 0,
    "cause" TEXT,
    "last_checked_at" TIMESTAMPTZ(3),

    CONSTRAINT "monitor_regions_pkey" PRIMARY KEY ("monitor_id", "region")
);

-- AddForeignKey
ALTER TABLE "monitor_regions" ADD CONSTRAINT "monitor_regions_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing monitors voted from the one implied region.
INSERT INTO "monitor_regions" ("monitor_id", "region", "state", "streak_state", "streak_count", "last_checked_at")
SELECT "id", 'local', "state", "streak_state", "streak_count", "last_checked_at" FROM "monitors";

-- Which regions saw what when an incident began.
ALTER TABLE "incidents" ADD COLUMN "regions" JSONB;

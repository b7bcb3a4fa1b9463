-- Maintenance windows: one-off, weekly or cron, in a time zone, on monitors and status pages. Results
-- taken during one are marked, so pages can show them without counting them.

-- CreateEnum
CREATE TYPE "MaintenanceKind" AS ENUM ('once', 'weekly', 'cron');

-- AlterTable
ALTER TABLE "monitor_results" ADD COLUMN "maintenance" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "maintenance_windows" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "MaintenanceKind" NOT NULL,
    "time_zone" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "days" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "start_time" TEXT,
    "expression" TEXT,
    "duration_minutes" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_window_monitors" (
    "window_id" TEXT NOT NULL,
    "monitor_id" TEXT NOT NULL,

    CONSTRAINT "maintenance_window_monitors_pkey" PRIMARY KEY ("window_id","monitor_id")
);

-- CreateTable
CREATE TABLE "maintenance_window_status_pages" (
    "window_id" TEXT NOT NULL,
    "status_page_id" TEXT NOT NULL,

    CONSTRAINT "maintenance_window_status_pages_pkey" PRIMARY KEY ("window_id","status_page_id")
);

-- CreateIndex
CREATE INDEX "maintenance_windows_user_id_created_at_idx" ON "maintenance_windows"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "maintenance_window_monitors_monitor_id_idx" ON "maintenance_window_monitors"("monitor_id");

-- CreateIndex
CREATE INDEX "maintenance_window_status_pages_status_page_id_idx" ON "maintenance_window_status_pages"("status_page_id");

-- AddForeignKey
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_window_monitors" ADD CONSTRAINT "maintenance_window_monitors_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "maintenance_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_window_monitors" ADD CONSTRAINT "maintenance_window_monitors_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_window_status_pages" ADD CONSTRAINT "maintenance_window_status_pages_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "maintenance_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_window_status_pages" ADD CONSTRAINT "maintenance_window_status_pages_status_page_id_fkey" FOREIGN KEY ("status_page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

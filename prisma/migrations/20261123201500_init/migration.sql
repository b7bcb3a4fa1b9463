-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "ResultState" AS ENUM ('pending', 'open', 'closed', 'filtered', 'unreachable', 'error');

-- CreateEnum
CREATE TYPE "ProbeKind" AS ENUM ('tcp');

-- CreateTable
CREATE TABLE "checks" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "ports" INTEGER[],
    "timeout_ms" INTEGER NOT NULL,
    "status" "CheckStatus" NOT NULL DEFAULT 'queued',
    "error_code" TEXT,
    "error_message" TEXT,
    "client_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_results" (
    "check_id" TEXT NOT NULL,
    "probe" "ProbeKind" NOT NULL DEFAULT 'tcp',
    "region" TEXT NOT NULL DEFAULT 'default',
    "port" INTEGER NOT NULL,
    "state" "ResultState" NOT NULL DEFAULT 'pending',
    "address" TEXT,
    "latency_ms" DOUBLE PRECISION,
    "error_code" TEXT,
    "detail" JSONB,
    "checked_at" TIMESTAMPTZ(3),

    CONSTRAINT "check_results_pkey" PRIMARY KEY ("check_id","probe","region","port")
);

-- CreateIndex
CREATE INDEX "checks_created_at_idx" ON "checks"("created_at");

-- AddForeignKey
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

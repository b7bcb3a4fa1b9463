-- Deeper verdicts: nmap-style states and reasons, UDP, dual stack, TLS and banners, ownership tokens,
-- and the monitor options that use them. Pending results are no longer stored: a missing row is pending.

-- CreateEnum
CREATE TYPE "VerdictState" AS ENUM ('open', 'closed', 'filtered', 'open|filtered', 'error');

-- CreateEnum
CREATE TYPE "FamilyChoice" AS ENUM ('4', '6', 'both');

-- CreateEnum
CREATE TYPE "TlsMode" AS ENUM ('auto', 'on', 'off');

-- AlterEnum
ALTER TYPE "ProbeKind" ADD VALUE 'udp';

-- AlterEnum
ALTER TYPE "MonitorState" ADD VALUE 'degraded' BEFORE 'down';

-- AlterEnum
ALTER TYPE "Observation" ADD VALUE 'degraded' BEFORE 'down';

-- AlterEnum
ALTER TYPE "AlertEvent" ADD VALUE 'degraded';
ALTER TYPE "AlertEvent" ADD VALUE 'certificate';

-- AlterTable
ALTER TABLE "checks" ADD COLUMN "protocol" "ProbeKind" NOT NULL DEFAULT 'tcp',
ADD COLUMN "family" "FamilyChoice" NOT NULL DEFAULT 'both',
ADD COLUMN "tls" "TlsMode" NOT NULL DEFAULT 'auto',
ADD COLUMN "verify_token" TEXT,
ADD COLUMN "addresses" JSONB;

-- AlterTable: results are rows only once they have a verdict
DELETE FROM "check_results" WHERE "state" = 'pending' OR "address" IS NULL;
ALTER TABLE "check_results" DROP CONSTRAINT "check_results_pkey";
ALTER TABLE "check_results" ADD COLUMN "family" SMALLINT,
ADD COLUMN "reason" TEXT,
ADD COLUMN "tls" JSONB,
ADD COLUMN "banner" JSONB,
ADD COLUMN "verified" BOOLEAN;
UPDATE "check_results" SET
  "family" = CASE WHEN "address" LIKE '%:%' THEN 6 ELSE 4 END,
  "region" = CASE WHEN "region" = 'default' THEN 'local' ELSE "region" END,
  "checked_at" = COALESCE("checked_at", CURRENT_TIMESTAMP),
  "reason" = CASE "state"::text
    WHEN 'open' THEN 'syn-ack'
    WHEN 'closed' THEN 'conn-refused'
    WHEN 'filtered' THEN 'no-response'
    WHEN 'unreachable' THEN CASE "error_code"
      WHEN 'ENETUNREACH' THEN 'net-unreach'
      WHEN 'EACCES' THEN 'admin-prohibited'
      WHEN 'EPERM' THEN 'perm-denied'
      ELSE 'host-unreach' END
    ELSE 'local-error' END;
ALTER TABLE "check_results" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "check_results" ALTER COLUMN "state" TYPE "VerdictState"
  USING (CASE "state"::text WHEN 'unreachable' THEN 'filtered' ELSE "state"::text END)::"VerdictState";
ALTER TABLE "check_results" DROP COLUMN "detail",
ALTER COLUMN "region" SET DEFAULT 'local',
ALTER COLUMN "family" SET NOT NULL,
ALTER COLUMN "reason" SET NOT NULL,
ALTER COLUMN "address" SET NOT NULL,
ALTER COLUMN "checked_at" SET NOT NULL,
ALTER COLUMN "checked_at" SET DEFAULT CURRENT_TIMESTAMP,
ADD CONSTRAINT "check_results_pkey" PRIMARY KEY ("check_id", "region", "probe", "port", "family");

-- AlterTable
ALTER TABLE "monitor_results" ADD COLUMN "region" TEXT NOT NULL DEFAULT 'local',
ADD COLUMN "probe" "ProbeKind" NOT NULL DEFAULT 'tcp',
ADD COLUMN "reason" TEXT,
ADD COLUMN "family" SMALLINT,
ADD COLUMN "detail" JSONB;
UPDATE "monitor_results" SET "family" = CASE WHEN "address" LIKE '%:%' THEN 6 WHEN "address" IS NULL THEN NULL ELSE 4 END;
ALTER TABLE "monitor_results" ALTER COLUMN "state" TYPE "VerdictState"
  USING (CASE "state"::text WHEN 'unreachable' THEN 'filtered' WHEN 'pending' THEN 'error' ELSE "state"::text END)::"VerdictState";

-- AlterTable
ALTER TABLE "monitors" ADD COLUMN "protocol" "ProbeKind" NOT NULL DEFAULT 'tcp',
ADD COLUMN "family" "FamilyChoice" NOT NULL DEFAULT 'both',
ADD COLUMN "tls" "TlsMode" NOT NULL DEFAULT 'auto',
ADD COLUMN "degraded_latency_ms" INTEGER,
ADD COLUMN "send_text" TEXT,
ADD COLUMN "expect_reply" TEXT,
ADD COLUMN "cert_expiry_days" INTEGER,
ADD COLUMN "cert_alerted_fingerprint" TEXT;

-- DropEnum
DROP TYPE "ResultState";

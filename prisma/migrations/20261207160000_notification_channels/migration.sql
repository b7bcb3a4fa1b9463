-- Notification channels (Slack, Discord, Teams, Telegram, ntfy, Gotify, e-mail, webhook) that an account
-- sets up once and attaches to any of its monitors; deliveries say which channel they went to; each account
-- has a time zone for the times in its alerts.

-- AlterEnum
ALTER TYPE "AlertChannel" ADD VALUE 'slack';
ALTER TYPE "AlertChannel" ADD VALUE 'discord';
ALTER TYPE "AlertChannel" ADD VALUE 'teams';
ALTER TYPE "AlertChannel" ADD VALUE 'telegram';
ALTER TYPE "AlertChannel" ADD VALUE 'ntfy';
ALTER TYPE "AlertChannel" ADD VALUE 'gotify';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "alert_deliveries" ALTER COLUMN "monitor_id" DROP NOT NULL,
ADD COLUMN     "channel_id" TEXT;

-- CreateTable
CREATE TABLE "notification_channels" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "AlertChannel" NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitor_channels" (
    "monitor_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,

    CONSTRAINT "monitor_channels_pkey" PRIMARY KEY ("monitor_id","channel_id")
);

-- CreateIndex
CREATE INDEX "alert_deliveries_channel_id_created_at_idx" ON "alert_deliveries"("channel_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_channels_user_id_created_at_idx" ON "notification_channels"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "monitor_channels_channel_id_idx" ON "monitor_channels"("channel_id");

-- AddForeignKey
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitor_channels" ADD CONSTRAINT "monitor_channels_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monitor_channels" ADD CONSTRAINT "monitor_channels_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

// The maintenance windows' operations in the endpoint catalog (lib/http/endpoints.ts), which spreads them in.
import { z } from "zod";
import { createMaintenanceWindowBody, maintenanceWindowViewSchema, updateMaintenanceWindowBody } from "../maintenance/schemas";
import { endpoint } from "./endpoint";
import { idParams } from "./endpoint-params";

const TAG = "Maintenance windows";

export const MAINTENANCE_ENDPOINTS = {
  listMaintenanceWindows: endpoint({
    operationId: "listMaintenanceWindows",
    method: "GET",
    path: "/api/v1/maintenance-windows",
    tag: TAG,
    summary: "Your maintenance windows",
    auth: "user-or-key",
    responses: { 200: { description: "The windows, oldest first, each with its next occurrences and whether it is on now.", schema: z.object({ maintenanceWindows: z.array(maintenanceWindowViewSchema) }) } },
  }),
  createMaintenanceWindow: endpoint({
    operationId: "createMaintenanceWindow",
    method: "POST",
    path: "/api/v1/maintenance-windows",
    tag: TAG,
    summary: "Plan a maintenance window for some monitors or status pages",
    description:
      "One-off (startsAt, endsAt), weekly (days, startTime, durationMinutes) or cron (expression, durationMinutes), in timeZone. While it is on, covered monitors keep recording results but their state holds: no incident opens and no alert is sent, and status pages say \"maintenance\". A change still there when it ends is confirmed by the first run after it, and alerts as usual.",
    auth: "user-or-key",
    body: createMaintenanceWindowBody,
    limit: "changes",
    responses: { 201: { description: "The window.", schema: maintenanceWindowViewSchema } },
    problems: ["invalid_schedule", "quota_exceeded"],
    example: { title: "Nightly backups", kind: "weekly", timeZone: "Europe/Berlin", days: ["mon", "thu"], startTime: "23:30", durationMinutes: 60, monitorIds: ["<monitor id>"] },
  }),
  getMaintenanceWindow: endpoint({
    operationId: "getMaintenanceWindow",
    method: "GET",
    path: "/api/v1/maintenance-windows/{id}",
    tag: TAG,
    summary: "One of your maintenance windows",
    auth: "user-or-key",
    params: idParams,
    responses: { 200: { description: "The window.", schema: maintenanceWindowViewSchema } },
  }),
  updateMaintenanceWindow: endpoint({
    operationId: "updateMaintenanceWindow",
    method: "PATCH",
    path: "/api/v1/maintenance-windows/{id}",
    tag: TAG,
    summary: "Change a maintenance window: its schedule, title, monitors, status pages or whether it is active",
    auth: "user-or-key",
    params: idParams,
    body: updateMaintenanceWindowBody,
    limit: "changes",
    responses: { 200: { description: "The window.", schema: maintenanceWindowViewSchema } },
    problems: ["invalid_schedule"],
  }),
  deleteMaintenanceWindow: endpoint({
    operationId: "deleteMaintenanceWindow",
    method: "DELETE",
    path: "/api/v1/maintenance-windows/{id}",
    tag: TAG,
    summary: "Delete a maintenance window",
    auth: "user-or-key",
    params: idParams,
    responses: { 204: { description: "Deleted; it silences nothing from now on." } },
  }),
} as const;

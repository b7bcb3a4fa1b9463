// Create, read, change and delete an account's maintenance windows. Ownership is in every where (another
// account's window is 404), and a window may only cover the account's own monitors and status pages.
import type { Db } from "../db";
import { newId } from "../ids";
import { ProblemError } from "../problem-error";
import type { CreateMaintenanceWindowInput, MaintenanceWindowView, UpdateMaintenanceWindowInput } from "./schemas";
import { judgeSchedule, maintenanceWindowView, scheduleColumns, scheduleFieldsOf, WINDOW_SELECT } from "./window-view";

/** Each vote of a monitor looks at the windows covering it: an account's count is bounded. */
export const MAX_WINDOWS_PER_USER = 50;

export const notFoundWindow = () => new ProblemError("not_found", "There is no maintenance window with this id in your account.");

async function assertOwn(db: Db, userId: string, monitorIds: readonly string[] = [], statusPageIds: readonly string[] = []): Promise<void> {
  const [monitors, pages] = await Promise.all([
    monitorIds.length ? db.monitor.findMany({ where: { userId, id: { in: [...monitorIds] } }, select: { id: true } }) : [],
    statusPageIds.length ? db.statusPage.findMany({ where: { userId, id: { in: [...statusPageIds] } }, select: { id: true } }) : [],
  ]);
  const own = new Set([...monitors, ...pages].map((row) => row.id));
  const errors = [
    ...monitorIds.flatMap((id, index) => (own.has(id) ? [] : [{ path: `monitorIds/${index}`, message: `${id} is not one of your monitors.` }])),
    ...statusPageIds.flatMap((id, index) => (own.has(id) ? [] : [{ path: `statusPageIds/${index}`, message: `${id} is not one of your status pages.` }])),
  ];
  if (errors.length) throw new ProblemError("invalid_request", errors.map((error) => error.message).join(" "), { errors });
}

export async function createMaintenanceWindow(db: Db, userId: string, input: CreateMaintenanceWindowInput): Promise<MaintenanceWindowView> {
  const schedule = judgeSchedule(input);
  await assertOwn(db, userId, input.monitorIds, input.statusPageIds);
  if ((await db.maintenanceWindow.count({ where: { userId } })) >= MAX_WINDOWS_PER_USER) {
    throw new ProblemError("quota_exceeded", `An account can have at most ${MAX_WINDOWS_PER_USER} maintenance windows. Delete one to add another.`);
  }
  const row = await db.maintenanceWindow.create({
    data: {
      id: newId(),
      userId,
      title: input.title,
      active: input.active,
      ...scheduleColumns(schedule),
      monitors: { create: input.monitorIds.map((monitorId) => ({ monitorId })) },
      statusPages: { create: input.statusPageIds.map((statusPageId) => ({ statusPageId })) },
    },
    select: WINDOW_SELECT,
  });
  return maintenanceWindowView(row);
}

export async function listMaintenanceWindows(db: Db, userId: string): Promise<MaintenanceWindowView[]> {
  const rows = await db.maintenanceWindow.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: WINDOW_SELECT });
  const now = new Date();
  return rows.map((row) => maintenanceWindowView(row, now));
}

export async function getMaintenanceWindow(db: Db, userId: string, id: string): Promise<MaintenanceWindowView> {
  const row = await db.maintenanceWindow.findFirst({ where: { id, userId }, select: WINDOW_SELECT });
  if (!row) throw notFoundWindow();
  return maintenanceWindowView(row);
}

export async function updateMaintenanceWindow(db: Db, userId: string, id: string, input: UpdateMaintenanceWindowInput): Promise<MaintenanceWindowView> {
  const row = await db.maintenanceWindow.findFirst({ where: { id, userId }, select: WINDOW_SELECT });
  if (!row) throw notFoundWindow();
  const { title, active, monitorIds, statusPageIds, ...scheduleChange } = input;
  const schedule = judgeSchedule({ ...scheduleFieldsOf(row), ...scheduleChange });
  await assertOwn(db, userId, monitorIds, statusPageIds);
  await db.$transaction(async (tx) => {
    const changed = await tx.maintenanceWindow.updateMany({ where: { id, userId }, data: { ...(title === undefined ? {} : { title }), ...(active === undefined ? {} : { active }), ...scheduleColumns(schedule) } });
    if (changed.count === 0) throw notFoundWindow();
    if (monitorIds) {
      await tx.maintenanceWindowMonitor.deleteMany({ where: { windowId: id } });
      await tx.maintenanceWindowMonitor.createMany({ data: monitorIds.map((monitorId) => ({ windowId: id, monitorId })) });
    }
    if (statusPageIds) {
      await tx.maintenanceWindowStatusPage.deleteMany({ where: { windowId: id } });
      await tx.maintenanceWindowStatusPage.createMany({ data: statusPageIds.map((statusPageId) => ({ windowId: id, statusPageId })) });
    }
  });
  return getMaintenanceWindow(db, userId, id);
}

export async function deleteMaintenanceWindow(db: Db, userId: string, id: string): Promise<void> {
  const deleted = await db.maintenanceWindow.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw notFoundWindow();
}

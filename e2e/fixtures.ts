// Test fixtures: real listeners on 127.0.0.2 standing in for a host on the internet.
import { test as base } from "@playwright/test";
import { closedPort, type OpenPort, openPort } from "../tests/helpers/listeners";

export const test = base.extend<{ openListener: OpenPort; closedPortNumber: number }>({
  openListener: async ({}, use) => {
    const listener = await openPort("127.0.0.2");
    await use(listener);
    await listener.close();
  },
  closedPortNumber: async ({}, use) => {
    await use(await closedPort("127.0.0.2"));
  },
});

export { expect } from "@playwright/test";

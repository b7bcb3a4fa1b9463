// What the channel test files share: creating and testing channels through the API routes as an account.
import { expect } from "vitest";
import { POST as postChannel } from "../../app/api/v1/channels/route";
import { POST as testChannelRoute } from "../../app/api/v1/channels/[id]/test/route";
import { asAccount, type TestAccount } from "./accounts";
import { params } from "./api";

export async function createChannel(account: TestAccount, body: Record<string, unknown>): Promise<Response> {
  return postChannel(asAccount(account, "/api/v1/channels", { body }), params({}));
}

export async function createChannelOk(account: TestAccount, body: Record<string, unknown>) {
  const response = await createChannel(account, body);
  if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
  return response.json();
}

export async function sendChannelTest(account: TestAccount, id: string): Promise<Response> {
  return testChannelRoute(asAccount(account, `/api/v1/channels/${id}/test`, { method: "POST" }), params({ id }));
}

/** Sends a test and expects it delivered at the first attempt; returns the delivery. */
export async function testDelivered(account: TestAccount, id: string) {
  const response = await sendChannelTest(account, id);
  expect(response.status).toBe(200);
  const { delivery } = await response.json();
  expect(delivery.error).toBeNull();
  expect(delivery).toMatchObject({ status: "delivered", event: "test", channelId: id, monitorId: null, attempts: 1 });
  return delivery;
}

// The notification channels' operations in the endpoint catalog (lib/http/endpoints.ts), which spreads them
// in, and the account's time zone that their messages use.
import { z } from "zod";
import { timeZoneBody, timeZoneViewSchema } from "../auth/time-zone";
import { channelViewSchema, createChannelBody, createdChannelSchema, updateChannelBody } from "../channels/schemas";
import { deliverySchema, nextLinkSchema } from "../monitors/monitor-view-schema";
import { endpoint } from "./endpoint";
import { idParams } from "./endpoint-params";
import { pageQuery } from "./pagination";

export const CHANNEL_ENDPOINTS = {
  listChannels: endpoint({
    operationId: "listChannels",
    method: "GET",
    path: "/api/v1/channels",
    tag: "Channels",
    summary: "Your notification channels",
    description: "Secrets (chat services' webhook URLs, bot and access tokens, signing secrets) are shown masked.",
    auth: "user-or-key",
    responses: { 200: { description: "The channels, oldest first.", schema: z.object({ channels: z.array(channelViewSchema) }) } },
  }),
  createChannel: endpoint({
    operationId: "createChannel",
    method: "POST",
    path: "/api/v1/channels",
    tag: "Channels",
    summary: "Add a notification channel: e-mail, webhook, Slack, Discord, Teams, Telegram, ntfy or Gotify",
    description:
      "Set up once, then attach to any of your monitors with `channelIds`. Every URL a channel posts to must pass the target policy now and at each delivery (public addresses only; redirects are not followed). E-mail channels go to your own confirmed address only. A webhook channel's signing secret is in this answer only.",
    auth: "user-or-key",
    body: createChannelBody,
    limit: "changes",
    responses: { 201: { description: "The channel.", schema: createdChannelSchema } },
    problems: ["channel_target_forbidden", "channel_email_not_allowed", "quota_exceeded"],
    example: { kind: "slack", name: "Ops in Slack", config: { webhookUrl: "https://hooks.slack.com/services/T000/B000/XXXX" } },
  }),
  getChannel: endpoint({
    operationId: "getChannel",
    method: "GET",
    path: "/api/v1/channels/{id}",
    tag: "Channels",
    summary: "One of your notification channels",
    auth: "user-or-key",
    params: idParams,
    responses: { 200: { description: "The channel.", schema: channelViewSchema } },
  }),
  updateChannel: endpoint({
    operationId: "updateChannel",
    method: "PATCH",
    path: "/api/v1/channels/{id}",
    tag: "Channels",
    summary: "Rename a channel or change its settings",
    description: "config holds only the settings to change; a secret left out or empty is kept. The kind cannot change. A webhook channel given a new URL gets a new signing secret, in this answer only.",
    auth: "user-or-key",
    params: idParams,
    body: updateChannelBody,
    limit: "changes",
    responses: { 200: { description: "The channel.", schema: createdChannelSchema } },
    problems: ["channel_target_forbidden", "channel_email_not_allowed"],
  }),
  deleteChannel: endpoint({
    operationId: "deleteChannel",
    method: "DELETE",
    path: "/api/v1/channels/{id}",
    tag: "Channels",
    summary: "Delete a channel (it is detached from every monitor)",
    auth: "user-or-key",
    params: idParams,
    responses: { 204: { description: "Deleted." } },
  }),
  testChannel: endpoint({
    operationId: "testChannel",
    method: "POST",
    path: "/api/v1/channels/{id}/test",
    tag: "Channels",
    summary: "Send a test message to a channel now",
    description: "One attempt, while you wait (at most 10 s for the receiver), logged like every delivery. The answer is the delivery: `status` delivered or failed, with the receiver's HTTP status or the error in words.",
    auth: "user-or-key",
    params: idParams,
    limit: "changes",
    responses: { 200: { description: "The test delivery and its outcome.", schema: z.object({ delivery: deliverySchema }) } },
    problems: ["channel_email_not_allowed"],
  }),
  listChannelDeliveries: endpoint({
    operationId: "listChannelDeliveries",
    method: "GET",
    path: "/api/v1/channels/{id}/deliveries",
    tag: "Channels",
    summary: "A channel's delivery log, newest first",
    description: "Its test messages and the alerts of every monitor it is attached to.",
    auth: "user-or-key",
    params: idParams,
    query: pageQuery,
    responses: { 200: { description: "A page of deliveries.", schema: z.object({ deliveries: z.array(deliverySchema), next: nextLinkSchema }) } },
  }),
  updateAccount: endpoint({
    operationId: "updateAccount",
    method: "PATCH",
    path: "/api/v1/account",
    tag: "You",
    summary: "Your account's settings: the time zone of the times in your alerts",
    description: "An IANA name such as Europe/Berlin; UTC until set. E-mail channels may name their own.",
    auth: "user-or-key",
    body: timeZoneBody,
    limit: "changes",
    responses: { 200: { description: "The settings now in use.", schema: timeZoneViewSchema } },
    example: { timeZone: "Europe/Berlin" },
  }),
} as const;

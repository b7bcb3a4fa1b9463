import { describe, expect, it } from "vitest";
import { alertEmail } from "./alert-email";
import type { AlertPayload } from "./alert-payload";
import { isTimeZone, localTime } from "./alert-message";

const exposed: AlertPayload = {
  id: "d1",
  event: "monitor.down",
  occurredAt: "2026-12-07T16:00:05.000Z",
  monitor: { id: "m1", name: `DB <script>alert("x")</script>`, host: "db.example.com", port: 5432, expect: "closed", state: "down", stateLabel: "EXPOSED", url: "https://portcheck.example/monitors/m1?a=1&b=2" },
  incident: { id: "i1", state: "down", startedAt: "2026-12-07T16:00:00.000Z", endedAt: null, cause: "open: syn-ack" },
};

describe("alert e-mails", () => {
  it("say EXPOSED for a port that must stay closed, with what was seen and the local time, zone named", () => {
    const mail = alertEmail(exposed, "Europe/Berlin");
    expect(mail.subject).toBe(`EXPOSED: DB <script>alert("x")</script> (db.example.com:5432)`);
    expect(mail.text).toContain("is exposed since 7 Dec 2026, 17:00:00 CET (Europe/Berlin)");
    expect(mail.text).toContain("What was seen: open: syn-ack.");
    expect(mail.text).toContain("https://portcheck.example/monitors/m1?a=1&b=2");
    expect(mail.html).toContain(">EXPOSED</span>");
    expect(mail.html).toContain("17:00:00 CET (Europe/Berlin)");
  });

  it("escape every value in the HTML part", () => {
    const { html } = alertEmail(exposed);
    expect(html).not.toContain("<script>");
    expect(html).toContain("DB &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain('href="https://portcheck.example/monitors/m1?a=1&amp;b=2"');
  });

  it("fall back to UTC for an unknown zone, and know zones by Intl", () => {
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(localTime("2026-12-07T16:00:00.000Z", "Mars/Olympus")).toBe("7 Dec 2026, 16:00:00 UTC");
  });
});

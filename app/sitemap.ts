// sitemap.xml: the pages worth indexing, with port pages for the well-known and notable ports.
import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { notablePorts } from "@/lib/ports/notes";

export const dynamic = "force-dynamic";

export default function sitemap(): MetadataRoute.Sitemap {
  const base = env().APP_URL;
  const pages = ["", "/ports", "/guides/what-is-a-port", "/guides/open-a-port", "/guides/close-a-port", "/docs/api"];
  const ports = [...new Set([...Array.from({ length: 1024 }, (_, port) => port), ...notablePorts()])];
  return [...pages.map((path) => ({ url: `${base}${path}` })), ...ports.map((port) => ({ url: `${base}/ports/${port}` }))];
}

// robots.txt: index the site, not the API or individual check results.
import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/checks/"] },
    sitemap: `${env().APP_URL}/sitemap.xml`,
  };
}

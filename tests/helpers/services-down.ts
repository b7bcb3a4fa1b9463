// Imported first by tests of outages: PostgreSQL and Redis URLs that point at a port nobody listens on.
process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/portcheck_test";
process.env.REDIS_URL = "redis://127.0.0.1:1";

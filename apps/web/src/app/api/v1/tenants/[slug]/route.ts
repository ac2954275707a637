import { processDependencies } from "../../../../../server/api/process-dependencies";
import { tenantItemRoutes } from "../../../../../server/api/tenant-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = tenantItemRoutes(processDependencies);

import { processDependencies } from "../../../../server/api/process-dependencies";
import { tenantCollectionRoutes } from "../../../../server/api/tenant-routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { GET, POST } = tenantCollectionRoutes(processDependencies);

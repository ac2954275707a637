import { memberItemRoutes } from "../../../../../../../server/api/member-routes";
import { processDependencies } from "../../../../../../../server/api/process-dependencies";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { PATCH, DELETE } = memberItemRoutes(processDependencies);

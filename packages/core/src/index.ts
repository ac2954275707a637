export { AppError, type AppErrorOptions, ERROR_STATUS, type ErrorCode } from "./errors/app-error";
export { type ErrorBody, type ErrorResponse, toErrorResponse } from "./errors/to-error-body";
export {
  assertCan,
  can,
  isRole,
  type Permission,
  PERMISSIONS,
  type Role,
  ROLES,
} from "./tenancy/permissions";

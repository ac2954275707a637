import { describe, expect, it } from "vitest";

import { AppError } from "../src/errors/app-error";
import {
  assertCan,
  can,
  isRole,
  PERMISSIONS,
  type Permission,
  type Role,
} from "../src/tenancy/permissions";

const cases: [Role, Permission, boolean][] = [
  ["viewer", "agents:read", true],
  ["viewer", "agents:write", false],
  ["viewer", "agents:run", false],
  ["viewer", "documents:write", false],
  ["member", "agents:write", true],
  ["member", "members:manage", false],
  ["member", "audit:read", false],
  ["admin", "members:manage", true],
  ["admin", "billing:manage", false],
  ["admin", "tenant:delete", false],
  ["owner", "tenant:delete", true],
  ["owner", "billing:manage", true],
];

describe("the permission matrix", () => {
  it.each(cases)("%s may %s: %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("never lets a viewer write anything", () => {
    const writes = Object.keys(PERMISSIONS).filter((permission) => !permission.endsWith(":read"));
    expect(writes.filter((permission) => can("viewer", permission as Permission))).toEqual([]);
  });

  it("gives an owner every permission", () => {
    const missing = Object.keys(PERMISSIONS).filter((p) => !can("owner", p as Permission));
    expect(missing).toEqual([]);
  });

  it("refuses with a forbidden error that names the role", () => {
    expect(() => assertCan("viewer", "agents:write")).toThrow(AppError);
    expect(() => assertCan("viewer", "agents:write")).toThrow(/viewer/);
    expect(() => assertCan("member", "agents:write")).not.toThrow();
  });

  it.each([
    ["owner", true],
    ["guest", false],
    [undefined, false],
    ["Owner", false],
  ])("recognises %s as a role: %s", (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });
});

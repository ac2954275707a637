export { inheritedEnvironment as inheritedEnv } from "@sovra/config";

export type ChildEnv = Record<string, string | undefined>;

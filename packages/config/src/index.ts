export { type Config, getConfig, loadConfig, type ProviderSettings } from "./config";
export { ConfigError } from "./config-error";
export { createLogger, type Logger, type LoggerSettings } from "./logger";
export { type ConfigProblem, MIN_SECRET_LENGTH } from "./production-rules";
export { isSensitiveKey, REDACTED, redact, redactString } from "./redact";
export { getTestSettings, type TestSettings } from "./test-settings";
export { inheritedEnvironment } from "./inherited-environment";
